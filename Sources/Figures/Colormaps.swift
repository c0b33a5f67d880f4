/// matplotlib's colormaps, each sampled at 33 evenly spaced points (from matplotlib itself)
/// and interpolated linearly between them: within 3/255 of the real maps, and no
/// machine-dependent math. `NAME_r` is NAME reversed.
public enum Colormaps {
    /// Every name a cell may pass as `cmap=`, `_r` variants aside.
    public static var names: [String] { table.keys.sorted() }

    /// Whether `name` (or `name` without `_r`) is a known colormap.
    public static func contains(_ name: String) -> Bool { name.hasPrefix("listed:") || samples(name) != nil }

    /// The name of a `ListedColormap`: its colors, in order, each taking an equal share of 0...1.
    public static func listed(_ colors: [String]) -> String { "listed:" + colors.joined(separator: ",") }

    /// The color at `t` in 0...1 (clamped; NaN gives a transparent `#00000000`).
    public static func color(_ name: String, at t: Double) -> String {
        guard !t.isNaN else { return "#00000000" }
        if name.hasPrefix("listed:") {
            let colors = name.dropFirst(7).split(separator: ",").map(String.init)
            guard !colors.isEmpty else { return "#00000000" }
            return colors[min(colors.count - 1, max(0, Int(t * Double(colors.count))))]
        }
        guard let samples = samples(name) else { return "#00000000" }
        let position = min(1, max(0, t)) * Double(samples.count - 1)
        let index = min(samples.count - 2, Int(position))
        let fraction = position - Double(index)
        let a = samples[index], b = samples[index + 1]
        return Colors.hex(red: a.0 + (b.0 - a.0) * fraction, green: a.1 + (b.1 - a.1) * fraction,
                          blue: a.2 + (b.2 - a.2) * fraction)
    }

    private static func samples(_ name: String) -> [(Double, Double, Double)]? {
        if let text = table[name] { return parsed(text) }
        if name.hasSuffix("_r"), let text = table[String(name.dropLast(2))] { return parsed(text).reversed() }
        return nil
    }

    private static func parsed(_ text: String) -> [(Double, Double, Double)] {
        text.split(separator: " ").map { Colors.components(of: "#" + $0) }
    }

    private static let table: [String: String] = [
        "viridis": "440154 470d60 48186a 482374 472d7b 453781 424086 3e4989 3b528b 375b8d 33638d 2f6b8e 2c728e 297a8e 26828e 23898e 21918c 1f988b 1fa088 22a785 28ae80 32b67a 3fbc73 4ec36b 5ec962 70cf57 84d44b 98d83e addc30 c2df23 d8e219 ece51b fde725",
        "plasma": "0d0887 220690 310597 3f049c 4c02a1 5901a5 6600a7 7201a8 7e03a8 8a09a5 9511a1 a01a9c aa2395 b32c8e bc3587 c43e7f cc4778 d35171 da5a6a e06363 e66c5c eb7655 f0804e f58b47 f89540 fba139 fdac33 feb82c fdc527 fcd225 f8df25 f4ed27 f0f921",
        "inferno": "000004 040312 0b0724 150b37 210c4a 2f0a5b 3d0965 4a0c6b 57106e 64156e 71196e 7d1e6d 8a226a 972766 a32c61 b0315b bc3754 c73e4c d24644 db503b e45a31 eb6628 f1731d f68013 f98e09 fb9d07 fcac11 fbbc21 f9cb35 f5db4c f2ea69 f3f68a fcffa4",
        "magma": "000004 030312 0a0822 130d34 1d1147 29115a 36106b 440f76 51127c 5d177f 6a1c81 762181 832681 902a81 9c2e7f aa337d b73779 c43c75 d0416f dc4869 e75263 ef5d5e f56b5c f9795d fc8961 fd9869 fea772 feb67c fec488 fed395 fde2a3 fcf0b2 fcfdbf",
        "cividis": "00224e 00285b 002e6a 053371 1a386f 273e6e 32436d 3b496c 434e6c 4b546c 535a6d 5a5f6e 61656f 686a71 6f7073 767676 7d7c78 848279 8c8878 938e78 9b9476 a39a74 aba072 b4a76f bcae6c c4b468 cdbb63 d5c25e dec958 e7d150 f0d846 f9e03a fee838",
        "gray": "000000 080808 101010 181818 202020 282828 303030 383838 404040 484848 505050 585858 606060 686868 707070 787878 808080 888888 909090 989898 a0a0a0 a8a8a8 b0b0b0 b8b8b8 c0c0c0 c8c8c8 d0d0d0 d8d8d8 e0e0e0 e8e8e8 f0f0f0 f8f8f8 ffffff",
        "binary": "ffffff f7f7f7 efefef e7e7e7 dfdfdf d7d7d7 cfcfcf c7c7c7 bfbfbf b7b7b7 afafaf a7a7a7 9f9f9f 979797 8f8f8f 878787 7f7f7f 777777 6f6f6f 676767 5f5f5f 575757 4f4f4f 474747 3f3f3f 373737 2f2f2f 272727 1f1f1f 171717 0f0f0f 070707 000000",
        "Greys": "ffffff fbfbfb f7f7f7 f4f4f4 f0f0f0 eaeaea e4e4e4 dfdfdf d9d9d9 d2d2d2 cbcbcb c4c4c4 bdbdbd b3b3b3 a9a9a9 9f9f9f 959595 8d8d8d 848484 7b7b7b 727272 6a6a6a 626262 5a5a5a 515151 464646 3a3a3a 2f2f2f 242424 1b1b1b 111111 080808 000000",
        "Blues": "f7fbff f1f7fd eaf3fb e4eff9 deebf7 d8e7f5 d2e3f3 ccdff1 c6dbef bcd7eb b2d2e8 a8cee4 9dcae1 91c3de 84bcdb 77b5d9 6aaed6 60a7d2 56a0ce 4b98ca 4191c6 3989c1 3181bd 2979b9 2070b4 1a68ae 1460a8 0e58a2 08509b 08488e 084082 083776 08306b",
        "Reds": "fff5f0 fff0e8 feeae1 fee5d9 fee0d2 fdd7c6 fdcdb9 fcc4ad fcbba1 fcb095 fca689 fc9c7d fc9272 fc8767 fb7d5d fb7353 fb694a f85d42 f5523a f24633 ee3a2c e53228 dc2924 d32020 ca181d c1161b b71319 ad1117 a30f15 940b13 840711 75030f 67000d",
        "Greens": "f7fcf5 f2faf0 eef8ea e9f7e5 e5f5e0 ddf2d8 d6efd0 ceecc8 c7e9c0 bde5b6 b4e1ad aadda4 a0d99b 95d391 8ace88 7fc97f 73c476 66bd6f 5ab769 4db163 40aa5d 39a257 319a50 2a924a 228a44 19833e 117b38 087432 006c2c 006227 005723 004d1f 00441b",
        "Oranges": "fff5eb fff1e4 feeddc feead5 fee6ce fee0c3 fddbb8 fdd5ad fdd0a2 fdc794 fdbf86 fdb678 fdae6a fda55f fd9d53 fd9547 fd8c3b fa8331 f77a27 f4711c f16813 eb600e e4580a de5005 d84801 cb4302 be3f02 b13a03 a53603 9b3203 912e04 882a04 7f2704",
        "Purples": "fcfbfd f9f7fb f5f4f9 f2f0f7 efedf5 eae8f2 e4e3f0 dfdfed dadaeb d2d2e7 cbcbe3 c3c4e0 bcbddc b4b4d7 adabd2 a5a2cd 9e9ac8 9692c4 8e8bc1 8784bd 807cba 7a71b4 7566ae 6f5ba8 6950a3 64459e 5e3b98 593093 53268f 4e1c8a 491285 440981 3f007d",
        "coolwarm": "3b4cc0 445acc 4e68d8 5875e1 6282ea 6c8ff1 779af7 82a6fb 8db0fe 98b9ff a3c2fe aec9fc b9d0f9 c3d5f4 ccd9ed d5dbe5 dddcdc e5d8d1 ecd3c5 f1ccb8 f5c4ac f7ba9f f7b093 f6a586 f4987a f08b6e eb7d62 e46e56 dd5f4b d44e41 ca3b37 be242e b40426",
        "RdBu": "67001f 7f0823 960f27 ae172a bb2a34 c6413e d25849 dc6e57 e58368 ef9979 f5ac8b f8bda1 fbceb7 fdddcb fbe6da f9efe9 f6f7f7 eaf1f5 deebf2 d2e6f0 c0dceb acd2e5 98c8e0 81bad8 68abd0 4f9bc7 3e8cbf 337eb8 2870b1 1e61a5 15508d 0d3f76 053061",
        "RdYlBu": "a50026 b50f26 c41e27 d42d27 de402e e75337 f16640 f67a49 f98e52 fba35c fdb567 fdc576 fed485 fee294 feeca2 fff6b1 feffc0 f5fbd2 ebf7e4 e1f3f6 d1ecf4 c1e4ef b0dcea 9fd0e4 8ec2dc 7db4d5 6da4cc 5e93c3 4f81ba 436fb1 3d5ba7 36479e 313695",
        "bwr": "0000ff 1010ff 2020ff 3030ff 4040ff 5050ff 6060ff 7070ff 8080ff 9090ff a0a0ff b0b0ff c0c0ff d0d0ff e0e0ff f0f0ff fffefe ffeeee ffdede ffcece ffbebe ffaeae ff9e9e ff8e8e ff7e7e ff6e6e ff5e5e ff4e4e ff3e3e ff2e2e ff1e1e ff0e0e ff0000",
        "seismic": "00004c 000063 000079 000090 0000a6 0000bc 0000d3 0000e9 0101ff 2121ff 4141ff 6161ff 8181ff a1a1ff c1c1ff e1e1ff fffdfd ffdddd ffbdbd ff9d9d ff7d7d ff5d5d ff3d3d ff1d1d fe0000 ee0000 de0000 ce0000 be0000 ae0000 9e0000 8e0000 800000",
        "jet": "000080 0000a4 0000c8 0000ed 0000ff 0020ff 0040ff 0060ff 0080ff 00a0ff 00c0ff 00e0fb 16ffe1 30ffc7 49ffad 63ff94 7dff7a 97ff60 b1ff46 caff2c e4ff13 feed00 ffd000 ffb200 ff9400 ff7700 ff5900 ff3b00 ff1e00 e80000 c40000 9f0000 800000",
        "hot": "0b0000 200000 350000 4a0000 5f0000 740000 890000 9e0000 b30000 c80000 dd0000 f20000 ff0800 ff1d00 ff3200 ff4700 ff5c00 ff7100 ff8600 ff9b00 ffb000 ffc500 ffda00 ffef00 ffff07 ffff26 ffff46 ffff65 ffff85 ffffa4 ffffc4 ffffe3 ffffff",
        "cool": "00ffff 08f7ff 10efff 18e7ff 20dfff 28d7ff 30cfff 38c7ff 40bfff 48b7ff 50afff 58a7ff 609fff 6897ff 708fff 7887ff 807fff 8877ff 906fff 9867ff a05fff a857ff b04fff b847ff c03fff c837ff d02fff d827ff e01fff e817ff f00fff f807ff ff00ff",
        "Spectral": "9e0142 af1446 c1274a d23a4e dd4a4c e75948 f06744 f67a49 f98e52 fba35c fdb567 fdc574 fed481 fee28f feec9f fff6b0 ffffbe f7fcb2 eff9a6 e7f59a d6ee9b c3e79f b1dfa3 9cd7a4 86cfa5 71c6a5 5eb9a9 4ea7b0 3d95b8 3682ba 4471b2 525fa9 5e4fa2",
        "PiYG": "8e0152 9f095f b1116d c2197a cb3289 d34f99 db6ca8 e283b7 e897c4 eeabd2 f3bcdd f6c9e3 fad6ea fde2f0 fbe9f2 f9f0f5 f7f7f6 f1f6ea ecf6de e7f5d2 d9f0bc cbe9a4 bde38d acd977 9acd61 88c24c 77b53c 67a832 589b28 498d20 3d7f1e 31711b 276419",
        "YlGnBu": "ffffd9 fafdcf f6fbc5 f1fabb edf8b1 e3f4b2 daf0b3 d0edb3 c6e9b4 b4e2b6 a2dbb8 90d4b9 7ecdbb 6fc7bd 5fc1c0 50bbc2 40b5c4 37acc3 2ea3c2 259ac1 1d90c0 1e83ba 2076b3 216aad 225da8 2352a3 24489d 243d98 243392 1d2e83 162874 0e2265 081d58",
        "grey": "000000 080808 101010 181818 202020 282828 303030 383838 404040 484848 505050 585858 606060 686868 707070 787878 808080 888888 909090 989898 a0a0a0 a8a8a8 b0b0b0 b8b8b8 c0c0c0 c8c8c8 d0d0d0 d8d8d8 e0e0e0 e8e8e8 f0f0f0 f8f8f8 ffffff",
    ]
}
