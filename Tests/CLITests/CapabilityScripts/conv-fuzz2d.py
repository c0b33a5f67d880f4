# 1-d and 2-d convolutions a random differential fuzz (fz.py, 260 cases) found differing from
# PyTorch: grouped and/or transposed layers, often with strides of 3 or more and small inputs.
# Each case redraws its inputs from the fuzz's own seed (its index), so keys match the fuzz.
import re
import torch
import torch.nn.functional as F
from _cases import run, leaf, grads
KEYS = """c12|float32|d2_n1_c16_o4_g2_k4_s4_d3_p1_op3_sz3_t1
c43|float32|d1_n1_c8_o8_g4_k2_s3_d3_p0_op1_sz13_t1
c44|float32|d1_n3_c16_o4_g2_k3_s3_d3_p1_op2_sz5_t1
c61|float64|d2_n3_c24_o3_g3_k4_s3_d1_p0_op1_sz1_t1
c69|float32|d2_n1_c2_o10_g2_k5_s2_d2_p2_op0_sz5_t0
c74|float32|d1_n3_c4_o10_g2_k2_s3_d1_p0_op0_sz3_t0
c91|float64|d2_n3_c8_o2_g2_k5_s2_d3_p1_op0_sz8_t1
c93|float32|d1_n3_c8_o16_g2_k1_s4_d1_p0_op0_sz1_t1
c105|float32|d2_n1_c8_o20_g4_k3_s4_d3_p1_op2_sz8_t1
c129|float32|d2_n1_c16_o6_g2_k7_s2_d2_p0_op0_sz13_t0
c182|float32|d1_n1_c8_o20_g4_k7_s2_d1_p1_op1_sz20_t1
c198|float32|d1_n1_c8_o4_g2_k3_s2_d1_p0_op0_sz8_t1
c203|float64|d1_n3_c8_o4_g4_k7_s4_d3_p3_op0_sz13_t1
c224|float32|d1_n3_c16_o16_g2_k4_s4_d1_p3_op0_sz3_t0
c250|float32|d2_n3_c4_o4_g4_k4_s3_d3_p1_op1_sz8_t1""".split()
def case(key):
    m = re.match(r"c(\d+)\|(\w+)\|d(\d)_n(\d+)_c(\d+)_o(\d+)_g(\d+)_k(\d+)_s(\d+)_d(\d+)_p(\d+)_op(\d+)_sz(\d+)_t(\d)", key)
    i, dts, dims, n, c, o, g, k, s, d, p, op, sz, t = m.groups()
    i, dims, n, c, o, g, k, s, d, p, op, sz, t = map(int, (i, dims, n, c, o, g, k, s, d, p, op, sz, t))
    dt = torch.float32 if dts == "float32" else torch.float64
    spatial = [sz + j for j in range(dims)]
    def f():
        x = leaf(n, c, *spatial, dt=dt)
        if t:
            w = leaf(c, o // g, *([k] * dims), dt=dt); b = leaf(o, dt=dt)
            y = [F.conv_transpose1d, F.conv_transpose2d][dims - 1](x, w, b, stride=s, padding=p, output_padding=op, groups=g, dilation=d)
        else:
            w = leaf(o, c // g, *([k] * dims), dt=dt); b = leaf(o, dt=dt)
            y = [F.conv1d, F.conv2d][dims - 1](x, w, b, stride=s, padding=p, groups=g, dilation=d)
        return grads(y, x, w, b)
    torch.manual_seed(i)
    run(key, f)
for key in KEYS:
    case(key)
