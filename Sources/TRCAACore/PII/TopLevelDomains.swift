/// Top-level domains a hostname may end in: the generic ones common in logs, every country
/// code, and the private names networks use (`local`, `internal`, `lan`, `corp`...).
enum TopLevelDomains {
    static let all: Set<String> = {
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
        return Set((generic + " " + countries + " " + privateNames).split(separator: " ").map(String.init))
    }()

    /// Endings that are file extensions in logs far more often than country codes:
    /// `server.py`, `setup.sh`, `configure.ac`, `Makefile.in`, `libfoo.so`.
    static let fileExtensions: Set<String> = ["py", "sh", "pl", "pm", "rs", "md", "so", "cc", "ps", "mk", "am", "ac",
                                              "in", "ml", "cs", "ts", "js", "app", "zip", "mov", "jar", "war"]

    /// Country codes that are also words or abbreviations in identifiers and configuration keys.
    static let wordLike: Set<String> = ["id", "is", "it", "in", "to", "me", "no", "do", "as", "at", "be", "by", "my",
                                        "on", "so", "am", "an", "or", "if", "us", "tv", "cc", "ms", "pt", "st", "sa"]

    /// Second-level labels under which registries hand out names (`co.id`, `ac.at`, `com.my`).
    static let secondLevels: Set<String> = ["co", "com", "net", "org", "ac", "gov", "edu", "or", "ne", "go", "gv",
                                            "mil", "nic", "web", "biz", "info", "sch", "ltd", "plc", "me"]

    /// First labels of Java, Android and .NET package names (`org.eclipse.jetty.io`).
    static let packageRoots: Set<String> = ["com", "org", "net", "edu", "io", "java", "javax", "android", "androidx",
                                            "kotlin", "sun", "jdk", "scala", "akka", "system", "microsoft"]
}
