import Testing
import TRCAACore

/// Each type's definition: what validates and what look-alikes stay out.
@Suite struct PIIFormatTests {
    private func found(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return PIIDetector.spans(in: text).map { "\($0.type.rawValue):" + String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
    }

    @Test func cardsNeedLuhnAndAnIssuerAndAPrintedShape() {
        #expect(found("4111 1111 1111 1111") == ["CreditCard:4111 1111 1111 1111"])
        #expect(found("4111-1111-1111-1111") == ["CreditCard:4111-1111-1111-1111"])
        #expect(found("amex 3782 822463 10005") == ["CreditCard:3782 822463 10005"])
        #expect(found("4111111111111112").isEmpty)  // Luhn fails
        #expect(found("9111111111111111").isEmpty)  // no issuer starts with 9
        #expect(found("4111 11 1111 1111 111").isEmpty)  // not a printed grouping
        #expect(found("blk_-4468645577339843974 and blk_4111111111111111").isEmpty)  // block ids
    }

    @Test func groupedCardsAreCheckedAsTheirDigits() {
        for card in ["5555 5555 5555 4444", "6011-0009-9013-9424", "3714-496353-98431", "4000 0000 0000 0000 006",
                     "6759 6498 2643 8453"] {
            #expect(found("card \(card) exp 12/25") == ["CreditCard:\(card)"], "\(card)")
        }
        #expect(found("卡号：4111 1111 1111 1111") == ["CreditCard:4111 1111 1111 1111"])
        #expect(found("card 4111 1111 1111 1112").isEmpty)  // Luhn fails
        #expect(found("card 3782 822463 1000").isEmpty)  // Amex is 15 digits
        #expect(found("card 9999 9999 9999 9995").isEmpty)  // no issuer, though Luhn holds
        #expect(found("card 4111 111111 111111").isEmpty)  // a Visa is not grouped 4-6-6
    }

    @Test func ssnsFollowTheAllocationRules() {
        #expect(found("ssn=078-05-1120") == ["SSN:078-05-1120"])
        #expect(found("078 05 1120") == ["SSN:078 05 1120"])
        #expect(found("ssn 123.45.6789.") == ["SSN:123.45.6789"])
        for invalid in ["000-12-3456", "666-12-3456", "912-12-3456", "123-00-4567", "123-45-0000",
                        "000.12.3456", "666.12.3456", "912.12.3456", "123.00.4567", "123.45.0000"] {
            #expect(found("ssn \(invalid)").isEmpty, "\(invalid)")
        }
        for lookAlike in ["version 123.45.6789", "at 1.123.45.6789", "123.45.6789.1", "123.45.67890", "v123.45.6789",
                          "123.45-6789"] {
            #expect(!found(lookAlike).contains { $0.hasPrefix("SSN:") }, "\(lookAlike)")
        }
    }

    @Test func ibansCheckTheirLengthAndMod97() {
        #expect(found("IBAN GB82WEST12345698765432 ok") == ["IBAN:GB82WEST12345698765432"])
        #expect(found("FR14 2004 1010 0505 0001 3M02 606") == ["IBAN:FR14 2004 1010 0505 0001 3M02 606"])
        #expect(found("IBAN GB82WEST12345698765433").isEmpty)  // check digits wrong
        #expect(found("GB82WEST1234569876543").isEmpty)  // one character short
    }

    @Test func ipv4OctetsAndContextAreChecked() {
        #expect(found("from 10.0.0.1:22 and 192.168.0.0/16") == ["IPv4:10.0.0.1", "IPv4:192.168.0.0"])
        for lookAlike in ["version 1.2.3.4", "build 10.0.19041.1", "OID 2.5.4.3", "256.1.1.1", "1.2.3.4.5", "v1.2.3.4",
                          "pkg~6.1.1.0", "1.3.6.1.4.1.311.21.8"] {
            #expect(found(lookAlike).isEmpty, "\(lookAlike)")
        }
    }

    @Test func ipv6FollowsTheGrammar() {
        #expect(found("link fe80::1%eth0 up") == ["IPv6:fe80::1%eth0"])
        #expect(found("[2001:db8::5]:443") == ["IPv6:2001:db8::5"])
        #expect(found("mapped ::ffff:192.0.2.1") == ["IPv6:::ffff:192.0.2.1"])
        #expect(found("2001:0db8:0000:0000:0000:ff00:0042:8329") == ["IPv6:2001:0db8:0000:0000:0000:ff00:0042:8329"])
        for lookAlike in ["std::vector Foo::bar", "bare :: here", "12:34:56", "00:01:23.456", "1:2:3:4:5:6:7:8:9:a"] {
            #expect(found(lookAlike).isEmpty, "\(lookAlike)")
        }
    }

    @Test func macsHaveOneSeparatorAndSixGroups() {
        #expect(found("aa:bb:cc:dd:ee:ff") == ["MAC:aa:bb:cc:dd:ee:ff"])
        #expect(found("hw 00:11:22:33:44:55 at 12:34:56") == ["MAC:00:11:22:33:44:55"])  // two digits before a colon: a time or a MAC
        #expect(found("AA-BB-CC-DD-EE-FF") == ["MAC:AA-BB-CC-DD-EE-FF"])
        #expect(found("mac=d4cd.6bec.bfd3") == ["MAC:d4cd.6bec.bfd3"])
        #expect(found("aa:bb-cc:dd:ee:ff").isEmpty)
        #expect(found("MD5:3b:2c:1a:4d:5e:6f:70:81:92:a3:b4:c5:d6:e7:f8:09").isEmpty)  // a fingerprint
    }

    @Test func hostnamesNeedARealTLDAndAreNotClassOrFileNames() {
        #expect(found("resolving web-19.stg.initech.de now") == ["Hostname:web-19.stg.initech.de"])
        #expect(found("see proxy.cse.cuhk.edu.hk:5070") == ["Hostname:proxy.cse.cuhk.edu.hk"])
        for lookAlike in ["java.net.SocketTimeoutException", "org.apache.hadoop.hdfs.DataNode", "com.apple.xpc",
                          "config.yaml", "server.py", "libssl.so.1.1", "mapred.tip.id is deprecated", "host.name=db01",
                          "node-246", "LabSZ"] {
            #expect(found(lookAlike).isEmpty, "\(lookAlike)")
        }
    }

    @Test func hostnamesMayEndInAnyIANATopLevelDomain() {
        for host in ["api.acme.technology", "portal.example.travelersinsurance", "shop.example.xn--p1ai",
                     "cdn.example.XN--VERMGENSBERATUNG-PWB", "xn--bcher-kva.example.museum"] {
            #expect(found("connect to \(host) now") == ["Hostname:\(host)"], "\(host)")
        }
        for lookAlike in ["workers2.properties", "Payment.java", "bgl.128mps.f64.map", "nova.compute.claims",
                          "user.name is set", "example.xn--nottld", "hello.technologyy", "this.ultraPictureBox1.Name = x",
                          "self.client.com"] {
            #expect(found(lookAlike).isEmpty, "\(lookAlike)")
        }
    }

    @Test func emailsNeedAHostnameDomain() {
        #expect(found("mail maria@umbrella.fr now") == ["Email:maria@umbrella.fr"])
        #expect(found("root@tbird-admin1 login").isEmpty)
        #expect(found("mail user@xn--80ak6aa92e.com now") == ["Email:user@xn--80ak6aa92e.com"])
        #expect(found("mail ivan@xn--e1afmkfd.xn--p1ai now") == ["Email:ivan@xn--e1afmkfd.xn--p1ai"])
        #expect(found("mail ivan@example.xn--p1ai.") == ["Email:ivan@example.xn--p1ai"])
        #expect(found("mail ivan@example.xn--zz9zz").isEmpty)  // no such TLD
        #expect(found("mail ivan@xn--.com").isEmpty)  // a label cannot end in `-`
    }

    @Test func urlCredentialsCoverTheWholeUserinfo() {
        #expect(found("mongodb://admin:Tr0ub4dor227?@proxy19.svc.cluster.local/db")
                == ["URL:admin:Tr0ub4dor227?", "Hostname:proxy19.svc.cluster.local"])
        #expect(found("ftp://ec2-user:tr0ub4dor45@192.0.2.243/pub") == ["URL:ec2-user:tr0ub4dor45", "IPv4:192.0.2.243"])
        #expect(found("https://example.com/path?x=1").isEmpty == false)
        #expect(!found("https://example.com/path?x=1").contains { $0.hasPrefix("URL:") })
    }

    @Test func phonesNeedAPhoneFormat() {
        for phone in ["+44 20 7946 0958", "+49 (0)30 1234567", "(415) 555-0132", "415-555-0132", "020 7946 0002",
                      "03-7797-5581", "06 12 34 56 78", "+14155550132"] {
            #expect(found("call \(phone) now") == ["Phone:\(phone)"], "\(phone)")
        }
        #expect(found("my phone number is 4258829090") == ["Phone:4258829090"])
        #expect(found("phone 4258829090: call back") == ["Phone:4258829090"])  // a number a colon ends
        for lookAlike in ["epoch 1700000000", "id=1234567890", "03-17 16:13:38.811", "dsl-082-083-227-067.arcor-ip.net",
                          "073-57-0000", "caller 10113 does not hold", "16:13:38.811  1702  2395 D"] {
            #expect(!found(lookAlike).contains { $0.hasPrefix("Phone:") }, "\(lookAlike)")
        }
    }

    @Test func elevenDigitMobilesStandAlone() {
        for mobile in ["13812345678", "19912345678", "07700900123"] {
            #expect(found("sms sent to \(mobile).") == ["Phone:\(mobile)"], "\(mobile)")
            #expect(found("\(mobile), call me") == ["Phone:\(mobile)"], "\(mobile)")
            #expect(found(#"{"phone":"\#(mobile)"}"#) == ["Phone:\(mobile)"], "\(mobile)")
        }
        for lookAlike in ["id=13812345678", #"{"uid": 13812345678}"#, "user_13812345678", "req-13812345678", "#13812345678",
                          "ts 1700000000123", "12812345678 calls", "08700900123", "0.13812345678", "13812345678.5",
                          "allocated 17179869184 bytes", "13812345678abc", "138123456789", "1381234567",
                          "/13812345678/", "x:13812345678", "sshd[13812345678]", "<13812345678>"] {
            #expect(!found(lookAlike).contains { $0.hasPrefix("Phone:") }, "\(lookAlike)")
        }
    }

    @Test func secretsByKeywordSpanTheValueOnly() {
        #expect(found("DB_PASSWORD=ingest-billing-532") == ["Password:ingest-billing-532"])
        #expect(found(#"{"password":"s3cr3t!"}"#) == ["Password:s3cr3t!"])
        #expect(found("client_secret=b217435978e4f5f5db71c5c0b8cc586d70bc99a5 x")
                == ["ApiKey:b217435978e4f5f5db71c5c0b8cc586d70bc99a5"])
        #expect(found("Authorization: token C6vZy8Lrmk0Q7uanmQOHdM9zjA53VUC0") == ["ApiKey:C6vZy8Lrmk0Q7uanmQOHdM9zjA53VUC0"])
        for placeholder in ["password: ********", "password=${DB_PASSWORD}", "api_key=<YOUR_API_KEY>", "token=null",
                            "Failed password for root", "password expired", "stream/token: com.apple.xpc.activity/4505:",
                            #"note: "user pass word""#] {
            #expect(found(placeholder).isEmpty, "\(placeholder)")
        }
    }

    /// A value longer than 4096 bytes names no secret, quoted or not, after a key or in a URL
    /// (a bearer token is still one by its own form).
    @Test func valuesLongerThanAnySecretAreNone() {
        let longest = String(repeating: "a1", count: 2048)
        #expect(found("password=\(longest) x") == ["Password:\(longest)"])
        #expect(found("password=\(longest)b x").isEmpty)
        #expect(found("api_key: \"\(longest)\"") == ["ApiKey:\(longest)"])
        #expect(found("api_key: \"\(longest)b\"").isEmpty)
        #expect(found("Authorization: token \(longest)") == ["ApiKey:\(longest)"])
        #expect(found("Authorization: token \(longest)b").isEmpty)
        #expect(found("https://user:\(longest.dropFirst(6))@db.example.com/x")
                == ["URL:user:\(longest.dropFirst(6))", "Hostname:db.example.com"])
        #expect(!found("https://user:\(longest)@db.example.com/x").contains { $0.hasPrefix("URL:") })
    }

    @Test func quotedSecretsMayHoldSpacesAndPunctuation() {
        #expect(found(#"password: "correct horse battery staple""#) == ["Password:correct horse battery staple"])
        #expect(found(#""api_key": "sk live/abc+def==""#) == ["ApiKey:sk live/abc+def=="])
        #expect(found("secret='a b;c'") == ["ApiKey:a b;c"])
        #expect(found(#"client_secret = "x/y z""#) == ["ApiKey:x/y z"])
        #expect(found(#"{"API Key": "abc def ghi", "Secret Key" : 'a b;c d'}"#) == ["ApiKey:abc def ghi", "ApiKey:a b;c d"])
        for lookAlike in ["secret='abc'", #"token: "n/a""#, "secret='a'", #"secret: "****""#, #"token: "<none>""#,
                          #"secret: "true""#, "secret=ab;c d", #""Public Key": "abc def ghi""#] {
            #expect(!found(lookAlike).contains { $0.hasPrefix("ApiKey:") }, "\(lookAlike)")
        }
    }

    @Test func selfDescribingSecretsNeedNoKeyword() {
        #expect(found("AccessKeyId=AKIAIOSFODNN7EXAMPLE") == ["AWSKey:AKIAIOSFODNN7EXAMPLE"])
        #expect(found("key ghp_abcdefghijklmnopqrstuvwxyz0123456789") == ["ApiKey:ghp_abcdefghijklmnopqrstuvwxyz0123456789"])
        #expect(found("xoxb-282029623751-BVtmnS3BQitmjZvjpQL7PSGP") == ["ApiKey:xoxb-282029623751-BVtmnS3BQitmjZvjpQL7PSGP"])
        #expect(found("xoxb-xxxxxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxx").isEmpty)
        #expect(found("pk_live_j5krY8XTgIcDaHDb3YrsAfCl").isEmpty)  // publishable, not secret
        let jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"
        #expect(found("Authorization: Bearer \(jwt)") == ["JWT:\(jwt)"])
        let pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIEow\nAbCd==\n-----END RSA PRIVATE KEY-----"
        #expect(found("key:\n\(pem)\ndone") == ["PrivateKey:\(pem)"])
        #expect(found("-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----").isEmpty)
        let pgp = "-----BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: GnuPG v2\n\nlQOYBF0a\n=Xk4j\n-----END PGP PRIVATE KEY BLOCK-----"
        #expect(found("exported:\n\(pgp)\nok") == ["PrivateKey:\(pgp)"])
        #expect(found("-----BEGIN PGP PUBLIC KEY BLOCK-----\nmQENBF0a\n-----END PGP PUBLIC KEY BLOCK-----").isEmpty)
        #expect(found("-----BEGIN PGP SIGNATURE-----\niQEzBAEB\n-----END PGP SIGNATURE-----").isEmpty)
    }

    /// A BEGIN line takes the first END line of its label after it, whatever BEGIN lines of
    /// its own or other labels come between, within 64 KiB; one without covers its base64.
    @Test func privateKeysEndAtTheFirstEndOfTheirLabel() {
        let text = """
            -----BEGIN RSA PRIVATE KEY-----
            AAAA
            -----BEGIN RSA PRIVATE KEY-----
            BBBB
            -----END RSA PRIVATE KEY-----
            x -----BEGIN EC PRIVATE KEY----- CCCC -----BEGIN RSA PRIVATE KEY-----
            DDDD
            -----END EC PRIVATE KEY----- -----BEGIN EC PRIVATE KEY-----
            EEEE

            """
        #expect(found(text) == [
            "PrivateKey:-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----BEGIN RSA PRIVATE KEY-----\nBBBB\n-----END RSA PRIVATE KEY-----",
            "PrivateKey:-----BEGIN EC PRIVATE KEY----- CCCC -----BEGIN RSA PRIVATE KEY-----\nDDDD\n-----END EC PRIVATE KEY-----",
            "PrivateKey:-----BEGIN EC PRIVATE KEY-----\nEEEE\n",
        ])
        let body = String(repeating: "QUJD\n", count: 14_000)  // 70 000 bytes
        #expect(found("-----BEGIN RSA PRIVATE KEY-----\n\(body)-----END RSA PRIVATE KEY-----")
                == ["PrivateKey:-----BEGIN RSA PRIVATE KEY-----\n\(body)-----END"])
    }

    /// mysql's `-p` is a password where `mysql` comes before it on its line, for every `-p` of
    /// the line, and not on the lines after nor 4096 bytes before.
    @Test func mysqlPasswordsNeedMysqlEarlierOnTheirLine() {
        #expect(found("mysql -u root -pS3cretPw db") == ["Password:S3cretPw"])
        #expect(found("run -pab1 here").isEmpty)
        let lines = "mysql -u a -pFirst1\nrun -pNotThis2\nmysql -h h -p Secr3t! -pOther1\n-pLast9 mysql -pThen8"
        #expect(found(lines) == ["Password:First1", "Password:Secr3t!", "Password:Other1", "Password:Then8"])
        #expect(found("mysql \(String(repeating: "x", count: 4096)) -pFar1way").isEmpty)
    }

    @Test func vendorTokensOfTelegramMailchimpAndClojars() {
        let telegram = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1"
        #expect(found("bot \(telegram) ok") == ["ApiKey:\(telegram)"])
        #expect(found("GET /bot\(telegram)/getMe") == ["ApiKey:\(telegram)"])
        let mailchimp = "0123456789abcdef0123456789abcdef-us12"
        #expect(found("mc \(mailchimp) ok") == ["ApiKey:\(mailchimp)"])
        #expect(found("mc f0123456789abcdef0123456789abcde-us6") == ["ApiKey:f0123456789abcdef0123456789abcde-us6"])
        let clojars = "CLOJARS_" + String(repeating: "a1b2c3d4e5", count: 6)
        #expect(found("deploy \(clojars)") == ["ApiKey:\(clojars)"])
        for lookAlike in ["123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw12", "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw",
                          "1234:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1", "robot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1",
                          "12345:AbstractAnnotationConfigDispatcherServlet", "0123456789abcdef0123456789abcdef-us123",
                          "0123456789abcdef0123456789abcdeg-us1", "0123456789abcdef0123456789abcdef-eu1",
                          "CLOJARS_" + String(repeating: "a1b2c3d4e5", count: 5)] {
            #expect(found(lookAlike).isEmpty, "\(lookAlike)")
        }
    }
}
