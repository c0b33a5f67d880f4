/// `brg_blocking_t::est_eff` for `brgconv_strided` (not 1×1): the product of the register
/// blocking's use, the column and channel blocks' fill, the thread balance and a cache score
/// from oneDNN's model of the loop nest (each loop's bytes touched and repeats, priced at
/// L1 1, L2 3, beyond 15). Float steps in oneDNN's order.
extension OneDNNBrgconvStrided.Shape {
    typealias B = OneDNNBrgconvStrided

    /// One array's traffic in one loop: bytes per iteration, repeats, overlap.
    struct Access { var size: Int, repeats: Float, overlap: Float = 1 }
    struct Loop { var src: Access, wei: Access, dst: Access }

    func estEff(iwBlock spBlock: Int, khBlock: Int, ihBlock: Int) -> Float {
        let (simd, threads, kwBlock) = (simd, B.threads, kw)
        let ur = B.registerRows(bcast: B.divUp(spBlock, sw), load: ic >= icBlock ? icBlock : ic % icBlock,
                                reduce: oc, simd: simd, regs: regs)
        let nbIh = B.divUp(ih, ihBlock), nbSp = B.divUp(iw, spBlock), nbKh = B.divUp(kh, khBlock)
        let icblock = icBlock / simd
        let microEff = (Float(icblock) * Float(ur)) / Float((ur + icblock) * regs)
        let urEff = Float(spBlock) / Float(B.roundUp(spBlock, ur))
        let squeezed = Float(ur) * (Float(2) - min(Float(1.9), Float(ur) / Float(spBlock))) / Float(64)
        let brgemmEff = (Float(2) - 1 + squeezed) / Float(2)  // squeeze_val(x, 0.5)
        let spAmount = nbIh * nbSp
        let work = mb * groups * nbIc * spAmount
        let spEff = Float(iw) / Float(B.roundUp(iw, spBlock))
        let icBlockEff = Float(ic) / Float(B.roundUp(ic, icBlock))
        let job = B.divUp(work, threads)
        let jobEff = job < threads ? jobBalance(work: work, nbSp: nbSp, spBlock: spBlock)
                                   : Float(work) / Float(B.roundUp(work, threads))

        let icBS = icBlock * oc  // ic_blocking_size (oc_block is all of oc)
        var loops: [Loop] = []
        var srcIs = roundedInput(ur, kwBlock, oc)
        loops.append(Loop(src: Access(size: inputWidth(ur, kwBlock) * simd, repeats: 1, overlap: Float(simd)),
                          wei: Access(size: icBlock, repeats: 1), dst: Access(size: 0, repeats: 1)))
        loops.append(Loop(src: Access(size: srcIs, repeats: 1, overlap: Float(kwBlock)),
                          wei: Access(size: icBS, repeats: 1), dst: Access(size: 0, repeats: 1)))
        loops.append(Loop(src: Access(size: srcIs, repeats: 1), wei: Access(size: kwBlock * icBS, repeats: 1),
                          dst: Access(size: 0, repeats: 1)))
        var weiIs = khBlock * kwBlock * icBS
        loops.append(Loop(src: Access(size: khBlock * srcIs, repeats: 1),
                          wei: Access(size: weiIs, repeats: Float(B.divUp(spBlock, ur))), dst: Access(size: ur * icBlock, repeats: 1)))
        loops.append(Loop(src: Access(size: khBlock * roundedInput(spBlock, kwBlock, oc), repeats: 1),
                          wei: Access(size: weiIs, repeats: 1), dst: Access(size: spBlock * icBlock, repeats: Float(nbKh))))
        weiIs = kh * kw * icBS
        loops.append(Loop(src: Access(size: kh * roundedInput(spBlock, kw, oc), repeats: 1), wei: Access(size: weiIs, repeats: 1),
                          dst: Access(size: spBlock * icBlock, repeats: 1)))
        let nbIcThr = min(nbIc, B.divUp(job, byChannels ? spAmount : 1))
        let nsimdIcThr = B.divUp(min(ic, nbIcThr * icBlock), simd)
        let dimSp = byChannels ? 1 : groups * nbIc
        let nbSpThr = min(nbSp, B.divUp(job, dimSp))
        let spThr = min(iw, nbSpThr * spBlock)
        let nbIhThr = min(nbIh, B.divUp(job, nbSp * dimSp))
        let ihThr = min(ih, nbIhThr * ihBlock)
        let nbIdThr = min(1, B.divUp(job, nbIh * nbSp * dimSp)), idThr = min(1, nbIdThr)
        srcIs = kh * roundedInput(spBlock, kw, oc)
        var weiOp = kh * kw * icblock * oc
        if !byChannels {
            weiOp = kh * kw * nsimdIcThr * oc
            loops.append(Loop(src: Access(size: srcIs, repeats: Float(nbIcThr)), wei: Access(size: kh * kw * icBlock * oc, repeats: 1),
                              dst: Access(size: spBlock * icBlock, repeats: 1)))
        }
        let rndIcForSp = simd * (byChannels ? icblock : nsimdIcThr)
        loops.append(Loop(src: Access(size: srcIs, repeats: 1), wei: Access(size: weiOp * simd, repeats: Float(nbSpThr)),
                          dst: Access(size: spBlock * rndIcForSp, repeats: 1)))
        srcIs = kh * roundedInput(spThr, kw, oc)
        loops.append(Loop(src: Access(size: ihBlock * srcIs, repeats: 1), wei: Access(size: weiOp * simd, repeats: Float(nbIhThr)),
                          dst: Access(size: spThr * rndIcForSp, repeats: 1)))
        loops.append(Loop(src: Access(size: ihThr * srcIs, repeats: 1), wei: Access(size: weiOp * simd, repeats: Float(nbIdThr)),
                          dst: Access(size: ihThr * spThr * rndIcForSp, repeats: 1)))
        if byChannels {
            loops.append(Loop(src: Access(size: idThr * ihThr * srcIs, repeats: Float(nbIcThr)),
                              wei: Access(size: kh * kw * icBlock * oc, repeats: 1),
                              dst: Access(size: icBlock * idThr * ihThr * spThr, repeats: 1)))
        }
        let mbThr = min(mb, B.divUp(job, spAmount * groups * nbIc))
        loops.append(Loop(src: Access(size: idThr * ihThr * srcIs, repeats: 1),
                          wei: Access(size: kh * kw * nsimdIcThr * simd * oc, repeats: Float(mbThr)),
                          dst: Access(size: idThr * ihThr * spThr * nsimdIcThr * simd, repeats: 1)))
        let srcOp = mbThr * idThr * ihThr * spThr * kh * kw * oc
        let dstOp = mbThr * idThr * ihThr * spThr * nsimdIcThr
        weiOp = kh * kw * nsimdIcThr * oc
        loops.append(Loop(src: Access(size: srcOp, repeats: 1), wei: Access(size: weiOp * simd, repeats: 1),
                          dst: Access(size: dstOp * simd, repeats: 1)))

        var srcK: Float = 15, dstK: Float = 15, weiK: Float = 15
        var srcRp: Float = 1, dstRp: Float = 1, weiRp: Float = 1
        for l in loops.reversed() {
            srcK = price(l, l.src, srcK, broadcast: true, shared: byChannels)
            dstK = price(l, l.dst, dstK, broadcast: false, shared: false)
            weiK = price(l, l.wei, weiK, broadcast: false, shared: !byChannels)
            srcRp *= l.src.repeats; dstRp *= l.dst.repeats; weiRp *= l.wei.repeats
        }
        let srcCost = srcK * (Float(srcOp) * srcRp), dstCost = dstK * (Float(dstOp) * dstRp)
        let weiCost = weiK * (Float(weiOp) * weiRp)
        let callCost = job * nbKh
        let cacheEff = Float(mb * ih * iw * oc * ic) / (Float(threads) * (srcCost + dstCost + weiCost + Float(callCost)))
        return icBlockEff * microEff * spEff * jobEff * urEff * cacheEff * brgemmEff
    }

    /// `io_k`: the average price of one access to `a` over its repeats in loop `l`.
    func price(_ l: Loop, _ a: Access, _ inner: Float, broadcast: Bool, shared: Bool) -> Float {
        let n = a.repeats * a.overlap
        if n < 1 { return 0 }
        if n == 1 { return inner }
        let amount = l.src.size * 4 + l.wei.size * 4 + l.dst.size * 4
        let far: Float = shared ? 15 : 15  // L3 and memory priced alike
        let k: Float = broadcast ? (l.src.size * 4 < B.l1Bytes ? 1 : amount < B.l2Bytes ? 3 : far)
                                 : (amount < B.l2Bytes ? 3 : far)
        return (inner + k * (n - 1)) / n
    }
}
