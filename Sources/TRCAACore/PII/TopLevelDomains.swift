/// Top-level domains a hostname may end in: IANA's root zone (the ICANN section of the Public
/// Suffix List, 2023-02) and the private names networks use (`local`, `internal`, `lan`, `corp`...).
enum TopLevelDomains {
    /// Whether the label in `range` is a top-level domain; an internationalised one in its
    /// ASCII form (`xn--p1ai`). Every top-level domain starts with a letter, so the last
    /// number of a time or an address (`38.811`, `10.0.0.1`) is settled by its first byte.
    static func contains(_ text: ByteText, _ range: Range<Int>) -> Bool {
        guard text.has(.alpha, at: range.lowerBound) else { return false }
        if text.matches("xn--", at: range.lowerBound) { return internationalized.contains(text, range.dropFirst(4)) }
        return all.contains(text, range)
    }

    private static let all: WordSet = {
        let iana = """
            aaa aarp abarth abb abbott abbvie abc able abogado abudhabi ac academy accenture accountant accountants \
            aco actor ad ads adult ae aeg aero aetna af afl africa ag agakhan agency ai aig airbus airforce airtel \
            akdn al alfaromeo alibaba alipay allfinanz allstate ally alsace alstom am amazon americanexpress \
            americanfamily amex amfam amica amsterdam analytics android anquan anz ao aol apartments app apple aq \
            aquarelle ar arab aramco archi army arpa art arte as asda asia associates at athleta attorney au auction \
            audi audible audio auspost author auto autos avianca aw aws ax axa az azure ba baby baidu banamex \
            bananarepublic band bank bar barcelona barclaycard barclays barefoot bargains baseball basketball bauhaus \
            bayern bb bbc bbt bbva bcg bcn bd be beats beauty beer bentley berlin best bestbuy bet bf bg bh bharti bi \
            bible bid bike bing bingo bio biz bj black blackfriday blockbuster blog bloomberg blue bm bms bmw bn \
            bnpparibas bo boats boehringer bofa bom bond boo book booking bosch bostik boston bot boutique box br \
            bradesco bridgestone broadway broker brother brussels bs bt build builders business buy buzz bv bw by bz \
            bzh ca cab cafe cal call calvinklein cam camera camp canon capetown capital capitalone car caravan cards \
            care career careers cars casa case cash casino cat catering catholic cba cbn cbre cbs cc cd center ceo \
            cern cf cfa cfd cg ch chanel channel charity chase chat cheap chintai christmas chrome church ci cipriani \
            circle cisco citadel citi citic city cityeats ck cl claims cleaning click clinic clinique clothing cloud \
            club clubmed cm cn co coach codes coffee college cologne com comcast commbank community company compare \
            computer comsec condos construction consulting contact contractors cooking cookingchannel cool coop \
            corsica country coupon coupons courses cpa cr credit creditcard creditunion cricket crown crs cruise \
            cruises cu cuisinella cv cw cx cy cymru cyou cz dabur dad dance data date dating datsun day dclk dds de \
            deal dealer deals degree delivery dell deloitte delta democrat dental dentist desi design dev dhl diamonds \
            diet digital direct directory discount discover dish diy dj dk dm dnp do docs doctor dog domains dot \
            download drive dtv dubai dunlop dupont durban dvag dvr dz earth eat ec eco edeka edu education ee eg email \
            emerck energy engineer engineering enterprises epson equipment er ericsson erni es esq estate et etisalat \
            eu eurovision eus events exchange expert exposed express extraspace fage fail fairwinds faith family fan \
            fans farm farmers fashion fast fedex feedback ferrari ferrero fi fiat fidelity fido film final finance \
            financial fire firestone firmdale fish fishing fit fitness fj fk flickr flights flir florist flowers fly \
            fm fo foo food foodnetwork football ford forex forsale forum foundation fox fr free fresenius frl frogans \
            frontdoor frontier ftr fujitsu fun fund furniture futbol fyi ga gal gallery gallo gallup game games gap \
            garden gay gb gbiz gd gdn ge gea gent genting george gf gg ggee gh gi gift gifts gives giving gl glass gle \
            global globo gm gmail gmbh gmo gmx gn godaddy gold goldpoint golf goo goodyear goog google gop got gov gp \
            gq gr grainger graphics gratis green gripe grocery group gs gt gu guardian gucci guge guide guitars guru \
            gw gy hair hamburg hangout haus hbo hdfc hdfcbank health healthcare help helsinki here hermes hgtv hiphop \
            hisamitsu hitachi hiv hk hkt hm hn hockey holdings holiday homedepot homegoods homes homesense honda horse \
            hospital host hosting hot hoteles hotels hotmail house how hr hsbc ht hu hughes hyatt hyundai ibm icbc ice \
            icu id ie ieee ifm ikano il im imamat imdb immo immobilien in inc industries infiniti info ing ink \
            institute insurance insure int international intuit investments io ipiranga iq ir irish is ismaili ist \
            istanbul it itau itv jaguar java jcb je jeep jetzt jewelry jio jll jm jmp jnj jo jobs joburg jot joy jp \
            jpmorgan jprs juegos juniper kaufen kddi ke kerryhotels kerrylogistics kerryproperties kfh kg kh ki kia \
            kids kim kinder kindle kitchen kiwi km kn koeln komatsu kosher kp kpmg kpn kr krd kred kuokgroup kw ky \
            kyoto kz la lacaixa lamborghini lamer lancaster lancia land landrover lanxess lasalle lat latino latrobe \
            law lawyer lb lc lds lease leclerc lefrak legal lego lexus lgbt li lidl life lifeinsurance lifestyle \
            lighting like lilly limited limo lincoln linde link lipsy live living lk llc llp loan loans locker locus \
            lol london lotte lotto love lpl lplfinancial lr ls lt ltd ltda lu lundbeck luxe luxury lv ly ma macys \
            madrid maif maison makeup man management mango map market marketing markets marriott marshalls maserati \
            mattel mba mc mckinsey md me med media meet melbourne meme memorial men menu merckmsd mg mh miami \
            microsoft mil mini mint mit mitsubishi mk ml mlb mls mm mma mn mo mobi mobile moda moe moi mom monash \
            money monster mormon mortgage moscow moto motorcycles mov movie mp mq mr ms msd mt mtn mtr mu museum music \
            mutual mv mw mx my mz na nab nagoya name natura navy nba nc ne nec net netbank netflix network neustar new \
            news next nextdirect nexus nf nfl ng ngo nhk ni nico nike nikon ninja nissan nissay nl no nokia \
            northwesternmutual norton now nowruz nowtv np nr nra nrw ntt nu nyc nz obi observer office okinawa olayan \
            olayangroup oldnavy ollo om omega one ong onion onl online ooo open oracle orange org organic origins \
            osaka otsuka ott ovh pa page panasonic paris pars partners parts party passagens pay pccw pe pet pf pfizer \
            pg ph pharmacy phd philips phone photo photography photos physio pics pictet pictures pid pin ping pink \
            pioneer pizza pk pl place play playstation plumbing plus pm pn pnc pohl poker politie porn post pr \
            pramerica praxi press prime pro prod productions prof progressive promo properties property protection pru \
            prudential ps pt pub pw pwc py qa qpon quebec quest racing radio re read realestate realtor realty recipes \
            red redstone redumbrella rehab reise reisen reit reliance ren rent rentals repair report republican rest \
            restaurant review reviews rexroth rich richardli ricoh ril rio rip ro rocher rocks rodeo rogers room rs \
            rsvp ru rugby ruhr run rw rwe ryukyu sa saarland safe safety sakura sale salon samsclub samsung sandvik \
            sandvikcoromant sanofi sap sarl sas save saxo sb sbi sbs sc sca scb schaeffler schmidt scholarships school \
            schule schwarz science scot sd se search seat secure security seek select sener services seven sew sex \
            sexy sfr sg sh shangrila sharp shaw shell shia shiksha shoes shop shopping shouji show showtime si silk \
            sina singles site sj sk ski skin sky skype sl sling sm smart smile sn sncf so soccer social softbank \
            software sohu solar solutions song sony soy spa space sport spot sr srl ss st stada staples star statebank \
            statefarm stc stcgroup stockholm storage store stream studio study style su sucks supplies supply support \
            surf surgery suzuki sv swatch swiss sx sy sydney systems sz tab taipei talk taobao target tatamotors tatar \
            tattoo tax taxi tc tci td tdk team tech technology tel temasek tennis teva tf tg th thd theater theatre \
            tiaa tickets tienda tiffany tips tires tirol tj tjmaxx tjx tk tkmaxx tl tm tmall tn to today tokyo tools \
            top toray toshiba total tours town toyota toys tr trade trading training travel travelchannel travelers \
            travelersinsurance trust trv tt tube tui tunes tushu tv tvs tw tz ua ubank ubs ug uk unicom university uno \
            uol ups us uy uz va vacations vana vanguard vc ve vegas ventures verisign versicherung vet vg vi viajes \
            video vig viking villas vin vip virgin visa vision viva vivo vlaanderen vn vodka volkswagen volvo vote \
            voting voto voyage vu vuelos wales walmart walter wang wanggou watch watches weather weatherchannel webcam \
            weber website wedding weibo weir wf whoswho wien wiki williamhill win windows wine winners wme \
            wolterskluwer woodside work works world wow ws wtc wtf xbox xerox xfinity xihuan xin xxx xyz yachts yahoo \
            yamaxun yandex ye yodobashi yoga yokohama you youtube yt yun za zappos zara zero zip zm zone zuerich zw
            """
        let privateNames = "local internal lan corp localdomain home intranet private test example"
        return WordSet(iana + " " + privateNames)
    }()

    /// The internationalised top-level domains, without their `xn--` prefix.
    private static let internationalized = WordSet("""
        11b4c3d 1ck2e1b 1qqw23a 2scrj9c 30rr7y 3bst00m 3ds443g 3e0b707e 3hcrj9c 3pxu8k 42c2d9a 45br5cyl 45brj9c 45q11c \
        4dbrk0ce 4gbrim 54b7fta0cc 55qw42g 55qx5d 5su34j936bgsg 5tzm5g 6frz82g 6qq986b3xl 80adxhks 80ao21a 80aqecdr1a \
        80asehdb 80aswg 8y0a063a 90a3ac 90ae 90ais 9dbq2a 9et52u 9krt00a b4w605ferd bck1b9a5dre4c c1avg c2br7g cck2b3b \
        cckwcxetd cg4bki clchc0ea0b2g2a9gcd czr694b czrs0t czru2d d1acj3b d1alf e1a4c eckvdtc9d efvy88h fct429k fhbei \
        fiq228c5hs fiq64b fiqs8s fiqz9s fjq720a flw351e fpcrj9c3d fzc2c9e2c fzys8d69uvgm g2xx48c gckr3f0f gecrj9c \
        gk3at1e h2breg3eve h2brj9c h2brj9c8c hxt814e i1b6b1a6a2e imr513n io0a7i j1aef j1amh j6w193g jlq480n2rg jvr189m \
        kcrx77d1x4a kprw13d kpry57d kput3i l1acc lgbbat1ad8j mgb2ddes mgb9awbf mgba3a3ejt mgba3a4f16a mgba3a4fra \
        mgba7c0bbn0a mgbaakc7dvf mgbaam7a8h mgbab2bd mgbah1a3hjkrd mgbai9a5eva00b mgbai9azgqp6j mgbayh7gpa mgbbh1a \
        mgbbh1a71e mgbc0a9azcg mgbca7dzdo mgbcpq6gpa1a mgberp4a5d4a87g mgberp4a5d4ar mgbgu82a mgbi4ecexp mgbpl2fh \
        mgbqly7c0a67fbc mgbqly7cvafr mgbt3dhd mgbtf8fl mgbtx2b mgbx4cd0ab mix082f mix891f mk1bu44c mxtq1m ngbc5azd \
        ngbe9e0a ngbrx nnx388a node nqv7f nqv7fs00ema nyqy26a o3cw4h ogbpf8fl otu796d p1acf p1ai pgbs0dh pssy2u q7ce6a \
        q9jyb4c qcka1pmc qxa6a qxam rhqv96g rovu88b rvc1e0am3e s9brj9c ses554g t60b56a tckwe tiq49xqyj unup4y \
        vermgensberater-ctb vermgensberatung-pwb vhquv vuq861b w4r85el8fhu5dnra w4rs40l wgbh1c wgbl6a xhq521b \
        xkc2al3hye2a xkc2dl3a5ee0h y9a3aq yfro4i67o ygbi2ammx zfr164b
        """)

    /// Endings that are file extensions in logs far more often than country codes:
    /// `server.py`, `setup.sh`, `configure.ac`, `Makefile.in`, `libfoo.so`.
    static let fileExtensions = WordSet("py sh pl pm rs md so cc ps mk am ac in ml cs ts js app jar war pub car cab run")

    /// Top-level domains that are file types wherever they end a dotted name (`workers2.properties`,
    /// `bgl.128mps.f64.map`, `Payment.java`).
    static let fileTypes = WordSet("java properties map zip mov")

    /// Top-level domains that are also words or abbreviations in identifiers and configuration keys.
    static let wordLike = WordSet("""
        id is it in to me no do as at be by my on so am an or if us tv cc ms pt st sa name data new one call save search \
        page show play claims
        """)

    /// Second-level labels under which registries hand out names (`co.id`, `ac.at`, `com.my`).
    static let secondLevels = WordSet("co com net org ac gov edu or ne go gv mil nic web biz info sch ltd plc me")

    /// First labels of member accesses in code (`this.ultraPictureBox1.Name`, `self.data`).
    static let memberReceivers = WordSet("this self")

    /// First labels of Java, Android and .NET package names (`org.eclipse.jetty.io`).
    static let packageRoots = WordSet("com org net edu io java javax android androidx kotlin sun jdk scala akka system microsoft")
}

/// A set of lowercase words, looked up straight from the text: each word (letters, digits and
/// `-`, at most 20) is packed into two integers, six bits a character, and found in a small
/// open-addressing table, so a lookup makes no string and computes no SipHash. Most lookups
/// are misses, and most misses are settled first by the word's length and last character.
struct WordSet: Sendable {
    private struct Key: Equatable {
        var high: UInt64 = 0
        var low: UInt64 = 0

        var slot: Int { Int(truncatingIfNeeded: (low &+ high &* 0x9E37_79B9_7F4A_7C15) &* 0xFF51_AFD7_ED55_8CCD >> 40) }
    }

    /// Keys by slot; an all-zero key marks an empty slot (no word packs to zero).
    private let slots: [Key]
    private let mask: Int
    /// By the code of a word's last character, a bit for each length (1–20) of a word that ends in it.
    private let lengthsByLast: [UInt32]

    /// Words separated by white space.
    init(_ words: String) {
        let list = words.split(whereSeparator: \.isWhitespace)
        let keys = list.map { Self.key($0.utf8)! }  // Safe: the lists are short words.
        var capacity = 8
        while capacity < keys.count * 4 { capacity *= 2 }
        var slots = [Key](repeating: Key(), count: capacity)
        for key in keys {
            var slot = key.slot & (capacity - 1)
            while slots[slot] != Key(), slots[slot] != key { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = key
        }
        self.slots = slots
        mask = capacity - 1
        var lengthsByLast = [UInt32](repeating: 0, count: 64)
        for word in list { lengthsByLast[Int(Self.code(word.utf8.last!)!)] |= 1 << word.utf8.count }  // Safe: as above.
        self.lengthsByLast = lengthsByLast
    }

    /// Whether the text in `range` is one of the words, in any case.
    func contains(_ text: ByteText, _ range: Range<Int>) -> Bool {
        guard !range.isEmpty, range.count <= 20, let last = Self.code(text[range.upperBound - 1]),
              lengthsByLast[Int(last)] & 1 << range.count != 0,
              let key = Self.key(range.lazy.map { text[$0] }) else { return false }
        return contains(key)
    }

    /// Whether `bytes` spell one of the words, in any case.
    func contains(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard let key = Self.key(bytes) else { return false }
        return contains(key)
    }

    private func contains(_ key: Key) -> Bool {
        var slot = key.slot & mask
        while true {
            let stored = slots[slot]
            if stored == key { return true }
            if stored == Key() { return false }
            slot = (slot + 1) & mask
        }
    }

    private static func key(_ bytes: some Collection<UInt8>) -> Key? {
        guard !bytes.isEmpty, bytes.count <= 20 else { return nil }
        var key = Key()
        for byte in bytes {
            guard let code = code(byte) else { return nil }
            key.high = key.high << 6 | key.low >> 54
            key.low = (key.low << 6 | UInt64(code)) & (1 << 60 - 1)
        }
        return key
    }

    /// 1–26 for a letter in either case, 27–36 for a digit, 37 for `-`.
    @inline(__always) private static func code(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"): byte - 96
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte - 64
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - 21
        case UInt8(ascii: "-"): 37
        default: nil
        }
    }
}
