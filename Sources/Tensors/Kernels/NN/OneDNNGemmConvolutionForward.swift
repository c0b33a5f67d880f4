#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The forward pass of oneDNN's `gemm:jit` convolution (`execute_forward_ncsp`), whose
/// blocking decides each sgemm's shape and so its order: `init_conf` (gemm_convolution_utils.cpp)
/// scores blockings of the output channels (`ocb`), the output positions of all images and
/// groups together (`osb`) and the input channels (`icb`), and how many of the 2 threads
/// split the channels (`nthr_oc`); the threads share the positions (`balance2D`). Each
/// thread then runs, per input-channel block, per run of positions within one image and
/// group (at most `osb`), per channel block, `sgemm("N", "N", positions, channels,
/// icb·ks)` on the block's columns, beta 0 on the first input-channel block and 1 after,
/// and adds the bias (`d += b`) after the last. Ported with the same float arithmetic and
/// the L2 per core oneDNN reads (`OneDNNCacheSize`: 1 MiB on this machine); checked on the
/// goldens' 20 `gemm:jit` forward shapes (all exact; `forwardIsReproduced` says whether
/// every sgemm of a shape is one `OneDNNSgemm` reproduces).
extension OneDNNGemmConvolution {
    struct ForwardBlocking {
        var threads: Int, channelThreads: Int, channels: Int, positions: Int, inputChannels: Int
    }

    /// L2 in floats: oneDNN's per-core size (`OneDNNCacheSize`).
    static var l2Floats: Int { OneDNNCacheSize.l2PerCore / 4 }
    /// `simd_w`: the floats in one vector register of the ISA oneDNN runs on.
    static func simdWidth(avx512: Bool) -> Int { avx512 ? 16 : 8 }

    static func divUp(_ a: Int, _ b: Int) -> Int { (a + b - 1) / b }
    static func roundUp(_ a: Int, _ b: Int) -> Int { divUp(a, b) * b }
    static func roundDown(_ a: Int, _ b: Int) -> Int { a / b * b }
    static func saturate(_ lo: Int, _ hi: Int, _ v: Int) -> Int { max(lo, min(hi, v)) }

    /// `init_conf` for the f32 ncsp forward.
    static func forwardBlocking(_ p: Convolution.Plan, avx512: Bool = OneDNNISA.avx512Core) -> ForwardBlocking {
        let (sh, sw) = p.g.stride, os = p.oh * p.ow, ks = p.kh * p.kw, ic = p.cg, oc = p.ocg
        let columns = needsColumns(p), spatial = p.n * p.g.groups * os, k = ic * ks
        let l2 = l2Floats, simd = simdWidth(avx512: avx512)
        let blockingApplies = (!columns || spatial >= threads * simd || os < p.n * p.g.groups
                               || (sw == 1 && Double(k) <= 0.05 * Double(oc)))
            && (columns || (ic / oc < 42 && ic * oc * p.h * p.w < 1024))
        guard blockingApplies else {
            func efficiency(_ work: Int) -> Float { Float(work) / Float(roundUp(work, threads)) }
            let outer = os / threads < 512 && (p.n != 1 || p.g.groups > 2)
                && (efficiency(p.g.groups * p.n) / efficiency(divUp(os, simd) * divUp(oc, simd)) >= 1
                    || os * ic * oc / threads < 64 * 1024)
            return ForwardBlocking(threads: outer ? threads : 1, channelThreads: 1, channels: oc, positions: os, inputChannels: ic)
        }
        var best = ForwardBlocking(threads: threads, channelThreads: 1, channels: 1, positions: 1, inputChannels: ic)
        var bestEfficiency: Float = 0

        func maxInputBlock(_ ocb: Int, _ osb: Int, _ ocPerThread: Int, _ osPerThread: Int) -> Int {
            let outSize = ocb * osb, inputRow = sh * sw * osb
            var icb = 1
            if columns {
                let colRow = ks * osb
                if osb >= osPerThread {
                    icb = l2 / (inputRow + colRow)
                    if ocb < ocPerThread { icb = min(icb, (l2 - outSize) / (colRow + ks * ocb)) }
                } else {
                    icb = (l2 - outSize) / (inputRow + colRow + ks * ocPerThread)
                }
            } else {
                icb = osb >= osPerThread ? l2 / inputRow : l2 / (inputRow + ks * ocPerThread)
            }
            if icb < ic && columns { icb = (l2 - outSize) / (inputRow + ks * osb + ks * ocPerThread) }
            return icb
        }

        func tryBlocking(_ nthrOC: Int, _ ocbIn: Int, _ osbIn: Int) {
            let maxOC = divUp(oc, nthrOC), minOC = max(1, oc / nthrOC)
            let maxOS = divUp(spatial, threads / nthrOC)
            var ocb = saturate(8, maxOC, ocbIn), osb = saturate(simd, maxOS, osbIn)
            let maxThreadSize: Int
            let minOSForMax = divUp(spatial, divUp(threads, nthrOC))
            if oc % nthrOC > threads % nthrOC { maxThreadSize = maxOC * maxOS }
            else { maxThreadSize = max(maxOC * minOSForMax, minOC * maxOS) }
            let minThreadSize: Int
            let minOS = max(1, spatial / divUp(threads, nthrOC))
            if threads % nthrOC > oc % nthrOC { minThreadSize = minOC * minOS }
            else { minThreadSize = min(maxOC * minOS, minOC * (spatial / (threads / nthrOC))) }
            let threadBalance = Float(minThreadSize) / Float(maxThreadSize)
            let ocPerThread = maxOC, osPerThread = maxOS
            ocb = min(ocPerThread, ocb)
            let osMax = min(os, osPerThread)
            osb = min(osMax, osb)
            var maxICB = maxInputBlock(ocb, osb, ocPerThread, osPerThread)
            let memoryCost = maxICB < 1 ? 20 : 1
            maxICB = max(1, maxICB)
            let icb = max(1, ic / divUp(ic, maxICB)), icBlocks = divUp(ic, icb)
            let kb = icb * ks, kbAligned = roundUp(kb, simd)
            let outOps = memoryCost * ocPerThread * roundUp(osPerThread, simd) * (icb == ic ? 1 : 2 * icBlocks - 1)
            let osbAligned = roundUp(osb, simd)
            let inputSize = ic * roundUp(osPerThread * sh * sw, simd)
            let inputOps = memoryCost * ks * inputSize
            var colOps = 0
            if columns {
                let tail = Float(osbAligned) / Float(osb)
                let one = Float(ks * inputSize) * tail
                colOps = Int(Float(memoryCost) * (one + one))
                if sw != 1 { colOps = Int(Float(colOps) * 8) }
            }
            let weightOps = memoryCost * ocPerThread * roundUp(k, simd)
            let memoryEfficiency = Float(osPerThread) / Float(simd) * Float(ocPerThread) * Float(k)
                / Float(inputOps + colOps + weightOps + outOps)
            let ocBalance = Float(ocPerThread) / Float(roundUp(ocPerThread, ocb))
            let osBalance = Float(osMax) / Float(roundUp(osMax, osb))
            let icBalance = Float(ic) / Float(roundUp(ic, icb))
            let registerBalance = Float(osb) / Float(roundUp(osb, 3 * simd))
            let gemmEfficiency = Float(osb) * Float(ocb) * Float(kb) / (Float(ocPerThread) * Float(osPerThread) * Float(k))
            let gemmCalc = Float(osb) / Float(simd) * Float(ocb) * Float(kb)
                / Float(osbAligned * kb + ocb * kbAligned + ocb * osbAligned)
            let weightSum: Float = 8 + 1 + 1 + 1 + 1 + 1 + 0.5 + 1
            let score = powf(powf(threadBalance, 8) * ocBalance * osBalance * icBalance * registerBalance
                             * memoryEfficiency * powf(gemmEfficiency, 0.5) * gemmCalc, 1 / weightSum)
            if score > bestEfficiency {
                bestEfficiency = score
                best = ForwardBlocking(threads: threads, channelThreads: nthrOC, channels: ocb, positions: osb, inputChannels: icb)
            }
        }
        func explore(_ nthrOC: Int, _ ocb: Int, _ osb: Int) {
            tryBlocking(nthrOC, ocb, osb)
            tryBlocking(nthrOC, roundDown(ocb, 8), roundDown(osb, 48))
            tryBlocking(nthrOC, roundUp(ocb, 8), roundDown(osb, 48))
            tryBlocking(nthrOC, roundUp(ocb, 8), roundUp(osb, simd))
            tryBlocking(nthrOC, roundUp(ocb, 8), roundUp(osb, 48))
        }
        for nthrOC in 1...threads {
            let maxOCPerThread = divUp(oc, nthrOC), maxOSPerThread = divUp(spatial, threads / nthrOC)
            if columns {
                tryBlocking(nthrOC, maxOCPerThread, maxOSPerThread)
                if best.channels == maxOCPerThread && best.positions == maxOSPerThread && best.inputChannels == ic { continue }
                let ak = sh * sw + ks, bk = ks * maxOCPerThread
                var icb = ic
                var ocb = saturate(8, maxOCPerThread, (l2 - ak * icb * simd - bk * icb) / simd)
                var osb = saturate(simd, maxOSPerThread, (l2 - bk * icb) / (ak * icb + ocb))
                explore(nthrOC, ocb, osb)
                let icbMax = max(1, l2 / (2 * 8 * ak + 2 * bk))
                if icbMax < ic {
                    icb = ic / max(1, ic / icbMax)
                    osb = max(1, (l2 - 2 * bk * icb) / (2 * icb * ak))
                    ocb = l2 / 2 / osb
                    if ocb > maxOCPerThread {
                        ocb = maxOCPerThread
                        osb = saturate(simd, maxOSPerThread, (l2 - bk * icb) / (ak * icb + ocb))
                    } else if osb > maxOSPerThread {
                        osb = maxOSPerThread
                        ocb = saturate(8, maxOCPerThread, (l2 - ak * icb * osb - bk * icb) / osb)
                    }
                    explore(nthrOC, ocb, osb)
                }
                ocb = maxOCPerThread
                icb = ic
                osb = max(simd, roundDown((l2 - bk * icb) / (ak * icb + ocb), simd))
                explore(nthrOC, ocb, osb)
            } else {
                explore(nthrOC, maxOCPerThread, (l2 - ks * ic) / (sh * sw * ic))
            }
        }
        return best
    }

    /// oneDNN's `balance2D`: thread `id`'s ranges of `rows` (positions) and `cols` (channels)
    /// when `colThreads` groups of threads split the channels.
    static func balance2D(threads: Int, id: Int, rows: Int, cols: Int, colThreads: Int) -> (Range<Int>, Range<Int>) {
        let groups = min(colThreads, threads)
        let big = threads / groups + 1, small = threads / groups, bigGroups = threads % groups
        let distance = id - bigGroups * big
        let (group, member, members) = distance < 0 ? (id / big, id % big, big)
            : (bigGroups + distance / small, distance % small, small)
        return (balance211(rows, team: members, id: member), balance211(cols, team: groups, id: group))
    }

    /// The sgemm shapes (positions × channels) the forward pass runs, in its order.
    static func forwardProducts(_ p: Convolution.Plan, avx512: Bool = OneDNNISA.avx512Core) -> [(m: Int, n: Int)] {
        let os = p.oh * p.ow, blocking = forwardBlocking(p, avx512: avx512)
        var out: [(m: Int, n: Int)] = []
        for thread in 0..<blocking.threads {
            let (positions, channels) = balance2D(threads: blocking.threads, id: thread, rows: p.n * p.g.groups * os,
                                                  cols: p.ocg, colThreads: blocking.channelThreads)
            var spatial = positions.lowerBound
            while spatial < positions.upperBound {
                let m = min(blocking.positions, os - spatial % os, positions.upperBound - spatial)
                for o0 in stride(from: channels.lowerBound, to: channels.upperBound, by: blocking.channels) {
                    out.append((m, min(blocking.channels, channels.upperBound - o0)))
                }
                spatial += m
            }
        }
        return out
    }

    /// Whether every sgemm of the forward pass is one `OneDNNSgemm` reproduces.
    static func forwardIsReproduced(_ p: Convolution.Plan, avx512: Bool = OneDNNISA.avx512Core) -> Bool {
        let sgemmThreads = forwardBlocking(p, avx512: avx512).threads > 1 ? 1 : threads
        let k = p.cg * p.kh * p.kw
        return forwardProducts(p, avx512: avx512).allSatisfy {
            avx512 ? OneDNNSgemmAVX512.isReproduced(transA: false, transB: false, m: $0.m, n: $0.n, k: k,
                                                    lda: needsColumns(p) ? $0.m : p.oh * p.ow, ldb: k, ldc: p.oh * p.ow,
                                                    threads: sgemmThreads)
                : OneDNNSgemm.isReproduced(transA: false, transB: false, m: $0.m, n: $0.n, k: k, threads: sgemmThreads)
        }
    }

    static func forward(_ p: Convolution.Plan, _ x: UnsafePointer<Float>, _ w: UnsafePointer<Float>,
                        _ bias: UnsafePointer<Float>?, into y: UnsafeMutablePointer<Float>,
                        avx512: Bool = OneDNNISA.avx512Core) {
        let os = p.oh * p.ow, ks = p.kh * p.kw, ic = p.cg, plane = p.h * p.w
        let blocking = forwardBlocking(p, avx512: avx512)
        let sgemmThreads = blocking.threads > 1 ? 1 : threads
        let columns = needsColumns(p)
        let full = UnsafeMutablePointer<Float>.allocate(capacity: max(1, columns ? ic * ks * os : 0))
        let col = UnsafeMutablePointer<Float>.allocate(capacity: max(1, columns ? ic * ks * os : 0))
        defer { full.deallocate(); col.deallocate() }
        var filled = (-1, -1)
        for thread in 0..<blocking.threads {
            let (positions, channels) = balance2D(threads: blocking.threads, id: thread, rows: p.n * p.g.groups * os,
                                                  cols: p.ocg, colThreads: blocking.channelThreads)
            var ic0 = 0
            while ic0 < ic {
                let icStep = min(blocking.inputChannels, ic - ic0)
                var spatial = positions.lowerBound
                while spatial < positions.upperBound {
                    let img = spatial / (p.g.groups * os), grp = spatial / os % p.g.groups, sp = spatial % os
                    let m = min(blocking.positions, os - sp, positions.upperBound - spatial)
                    let src = x + (img * p.c + grp * p.cg) * plane
                    if columns {
                        if filled != (img, grp) { im2col(p, src, into: full); filled = (img, grp) }
                        for r in 0..<(icStep * ks) { (col + r * m).update(from: full + (ic0 * ks + r) * os + sp, count: m) }
                    }
                    var o0 = channels.lowerBound
                    while o0 < channels.upperBound {
                        let ocStep = min(blocking.channels, channels.upperBound - o0)
                        let dst = y + (img * p.oc + grp * p.ocg + o0) * os + sp
                        sgemm(avx512: avx512, transA: false, transB: false, m: m, n: ocStep, k: icStep * ks,
                                         a: columns ? UnsafePointer(col) : src + ic0 * os + sp, lda: columns ? m : os,
                                         b: w + (grp * p.ocg + o0) * ic * ks + ic0 * ks, ldb: ic * ks,
                                         beta: ic0 == 0 ? 0 : 1, c: dst, ldc: os, threads: sgemmThreads)
                        if ic0 + icStep == ic, let bias {
                            for o in 0..<ocStep {
                                let b = bias[grp * p.ocg + o0 + o], row = dst + o * os
                                for s in 0..<m { row[s] = row[s] + b }
                            }
                        }
                        o0 += ocStep
                    }
                    spatial += m
                }
                ic0 += icStep
            }
        }
    }
}

extension Convolution {
    /// The forward pass in `gemm:jit`'s order (see `OneDNNGemmConvolution.forward`).
    static func gemmForward(_ p: Plan, input x: UnsafeMutablePointer<Float>, weight: Tensor, bias: Tensor?,
                            into out: UnsafeMutablePointer<Float>) throws(TensorError) {
        let wc = try weight.contiguous(), bc = try bias?.contiguous()
        withExtendedLifetime((wc, bc)) {
            OneDNNGemmConvolution.forward(p, x, NNBuffer.pointer(wc, as: Float.self),
                                          bc.map { NNBuffer.pointer($0, as: Float.self) }, into: out)
        }
    }

    /// Whether oneDNN runs the float32 forward as `gemm:jit`: groups that are not whole
    /// 8-channel blocks (and depthwise layers with a multiplier), the depthwise and
    /// dilated shapes their jit kernels do not take, and the plain ones `jit:avx2` refuses.
    static func forwardRunsGemm(_ p: Plan, dtype: DType) -> Bool {
        guard dtype == .float32, p.g.followsOneDNN else { return false }
        if OneDNNDepthwiseConvolution.isSelected(p, dtype: dtype) { return !OneDNNDepthwiseConvolution.forwardApplies(p) }
        if OneDNNDilatedConvolution.isSelected(p, dtype: dtype) { return !OneDNNDilatedConvolution.forwardApplies(p) }
        if OneDNNPlainGemm.applies(p, dtype: dtype) {
            // On AVX-512 machines jit:avx512_core takes what its own unroll covers (wider than AVX2's).
            if OneDNNISA.avx512Core && OneDNNConvolutionAVX512.forwardApplies(p) { return false }
            return OneDNNPlainGemm.forwardRunsGemm(p)
        }  // OneDNNPlainGemmConvolution.swift
        return p.g.groups > 1
            && !(OneDNNGroupedConvolution.isSelected(p, dtype: dtype) && !OneDNNGroupedConvolution.forwardRefused(p))
            && !OneDNNGroupedConvolution.dilatedForwardApplies(p, dtype: dtype)
            && !OneDNNGroupedConvolution.flatForwardApplies(p, dtype: dtype)
    }
}
