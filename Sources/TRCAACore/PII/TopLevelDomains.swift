/// Top-level domains a hostname may end in: the generic ones common in logs, every country
/// code, and the private names networks use (`local`, `internal`, `lan`, `corp`...).
enum TopLevelDomains {
    static let all: WordSet = {
        let generic = """
            com net org edu gov mil int info biz pro aero coop museum mobi asia tel travel jobs cat io ai app dev \
            cloud tech online site xyz top club shop store blog news live life world today space website host link \
            click email solutions services agency digital network systems company media global center group \
            consulting software support team tools zone expert studio design photography arpa
            """
        let countries = """
            ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo br bs bt bw by bz ca \
            cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg er es et eu fi fj fk fm fo \
            fr ga gb gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie il im in iq ir is it je \
            jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mg mh mk ml mm mn mo \
            mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt \
            pw py qa re ro rs ru rw sa sb sc sd se sg sh si sk sl sm sn so sr ss st su sv sx sy sz tc td tf tg th tj tk \
            tl tm tn to tr tt tv tw tz ua ug uk us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw
            """
        let privateNames = "local internal lan corp localdomain home intranet private test example"
        return WordSet(generic + " " + countries + " " + privateNames)
    }()

    /// Endings that are file extensions in logs far more often than country codes:
    /// `server.py`, `setup.sh`, `configure.ac`, `Makefile.in`, `libfoo.so`.
    static let fileExtensions = WordSet("py sh pl pm rs md so cc ps mk am ac in ml cs ts js app zip mov jar war")

    /// Country codes that are also words or abbreviations in identifiers and configuration keys.
    static let wordLike = WordSet("id is it in to me no do as at be by my on so am an or if us tv cc ms pt st sa")

    /// Second-level labels under which registries hand out names (`co.id`, `ac.at`, `com.my`).
    static let secondLevels = WordSet("co com net org ac gov edu or ne go gv mil nic web biz info sch ltd plc me")

    /// First labels of Java, Android and .NET package names (`org.eclipse.jetty.io`).
    static let packageRoots = WordSet("com org net edu io java javax android androidx kotlin sun jdk scala akka system microsoft")
}

/// A set of lowercase words, looked up straight from the text: each word (letters only, at
/// most 24) is packed into two integers, five bits a letter, and found in a small
/// open-addressing table, so a lookup makes no string and computes no SipHash.
struct WordSet: Sendable {
    private struct Key: Equatable {
        var high: UInt64 = 0
        var low: UInt64 = 0

        var slot: Int { Int(truncatingIfNeeded: (low &+ high &* 0x9E37_79B9_7F4A_7C15) &* 0xFF51_AFD7_ED55_8CCD >> 40) }
    }

    /// Keys by slot; an all-zero key marks an empty slot (no word packs to zero).
    private let slots: [Key]
    private let mask: Int

    /// Words separated by white space.
    init(_ words: String) {
        let keys = words.split(whereSeparator: \.isWhitespace).map { Self.key($0.utf8)! }  // Safe: the lists are letters.
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
    }

    /// Whether the text in `range` is one of the words, in any case.
    func contains(_ text: ByteText, _ range: Range<Int>) -> Bool {
        guard let key = Self.key(range.lazy.map { text[$0] }) else { return false }
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
        guard !bytes.isEmpty, bytes.count <= 24 else { return nil }
        var key = Key()
        for byte in bytes {
            let letter = ByteClass.lower(byte) &- 96
            guard letter >= 1, letter <= 26 else { return nil }
            key.high = key.high << 5 | key.low >> 55
            key.low = (key.low << 5 | UInt64(letter)) & (1 << 60 - 1)
        }
        return key
    }
}
