/// The scalar form of `OneDNNConvolution`'s 1×1 kernels (OneDNNConvolution1x1.swift), one
/// output element at a time in the order their doc comments give: the reference the
/// vectorised kernels are tested against bit for bit (OneDNNConvolutionVectorTests).
extension OneDNNConvolutionScalar {
    static func forward1x1(_ p: Convolution.Plan, _ x: UnsafeMutablePointer<Float>, _ w: UnsafeMutablePointer<Float>,
                           _ bias: UnsafeMutablePointer<Float>?, into y: UnsafeMutablePointer<Float>) {
        let plane = p.h * p.w, oplane = p.oh * p.ow
        let at = OneDNNConvolution.positions1x1(p)
        var out = y
        for img in 0..<p.n {
            for o in 0..<p.oc {
                for k in 0..<oplane {
                    var acc = bias?[o] ?? 0
                    var c0 = 0
                    while c0 < p.c {
                        var part: Float = c0 == 0 ? acc : 0
                        for c in c0..<min(c0 + 128, p.c) {
                            part = part.addingProduct(x[(img * p.c + c) * plane + at[k]], w[o * p.c + c])
                        }
                        acc = c0 == 0 ? part : part + acc
                        c0 += 128
                    }
                    out.pointee = acc
                    out += 1
                }
            }
        }
    }

    static func gradInput1x1(_ p: Convolution.Plan, _ gy: UnsafeMutablePointer<Float>, _ w: UnsafeMutablePointer<Float>,
                             into gx: UnsafeMutablePointer<Float>) {
        let plane = p.h * p.w
        var out = gx
        for img in 0..<p.n {
            for c in 0..<p.c {
                for k in 0..<plane {
                    var total: Float = 0
                    var o0 = 0
                    while o0 < p.oc {
                        var acc: Float = 0
                        for o in o0..<min(o0 + 64, p.oc) {
                            acc = acc.addingProduct(gy[(img * p.oc + o) * plane + k], w[o * p.c + c])
                        }
                        total = o0 == 0 ? acc : acc + total
                        o0 += 64
                    }
                    out.pointee = total
                    out += 1
                }
            }
        }
    }

    static func gradWeight1x1(_ p: Convolution.Plan, _ gy: UnsafeMutablePointer<Float>, _ x: UnsafeMutablePointer<Float>,
                              into gw: UnsafeMutablePointer<Float>) {
        typealias K = OneDNNConvolution
        let plane = p.h * p.w, oplane = p.oh * p.ow
        let blocks = (p.oc + block - 1) / block, icBlocks = (p.c + block - 1) / block
        let ocBlocking = K.blocking1x1(blocks, limit: 32), icBlocking = K.blocking1x1(icBlocks, limit: 9)
        let jobs = (blocks + ocBlocking - 1) / ocBlocking * ((icBlocks + icBlocking - 1) / icBlocking)
        let jobSize = ocBlocking * icBlocking * block * block
        let pieces = K.pieces1x1(p, threads: K.reducerThreads(jobs: jobs, jobSize: jobSize, reduction: p.n * oplane,
                                                              maxBuffer: 2 * jobSize * 8))
        let at = K.positions1x1(p)
        for o in 0..<p.oc {
            for c in 0..<p.c {
                var total: Float = 0
                for mine in pieces {
                    var acc: Float = 0
                    for (i, piece) in mine.enumerated() {
                        var part: Float = 0
                        for k in piece.range {
                            part = part.addingProduct(gy[(piece.image * p.oc + o) * oplane + k],
                                                      x[(piece.image * p.c + c) * plane + at[k]])
                        }
                        acc = i == 0 ? part : part + acc
                    }
                    total = pieces.count == 1 ? acc : total + acc
                }
                gw[o * p.c + c] = total
            }
        }
    }
}
