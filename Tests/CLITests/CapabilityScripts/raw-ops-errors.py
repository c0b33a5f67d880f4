# Error texts and edge results of the raw ATen forms (torch.convolution, grid_sampler*,
# affine_grid_generator, embedding_bag, the RNN cells and functional RNNs, ctc_loss,
# Tensor.resize/resize_as, GradScaler) and of the F.conv* parameter lists they share:
# one line per case, the case name, then "ok" and the result or the exception's type and
# first line.
import torch, warnings
warnings.simplefilter("ignore")
x4 = torch.randn(1, 2, 4, 4); g4 = torch.rand(1, 3, 3, 2)
x5 = torch.randn(1, 2, 3, 4, 4); g5 = torch.rand(1, 2, 3, 3, 3)
w = torch.randn(3, 2, 3, 3)
emb = torch.randn(6, 3)
cases = [
 ("conv_int_stride", lambda: torch.convolution(x4, w, None, 1, [0, 0], [1, 1], False, [0, 0], 1)),
 ("conv_bad_len", lambda: torch.convolution(x4, w, None, [1, 1, 1], [0, 0], [1, 1], False, [0, 0], 1)),
 ("conv_3d_input", lambda: torch.convolution(x4[0], w, None, [1, 1], [0, 0], [1, 1], False, [0, 0], 1)),
 ("conv_groups", lambda: torch.convolution(x4, w, None, [1, 1], [0, 0], [1, 1], False, [0, 0], 2)),
 ("conv_2d_weight", lambda: torch.convolution(x4, w[0, 0], None, [1], [0], [1], False, [0], 1)),
 ("conv_neg_pad", lambda: torch.convolution(x4, w, None, [1, 1], [-1, 0], [1, 1], False, [0, 0], 1)),
 ("gs_5d_bicubic", lambda: torch.grid_sampler(x5, g5, 2, 0, False).shape),
 ("gs3d_bicubic", lambda: torch.grid_sampler_3d(x5, g5, 2, 0, False).shape),
 ("gs_dtype", lambda: torch.grid_sampler(x4, g4.double(), 0, 0, False)),
 ("gs_batch", lambda: torch.grid_sampler(x4, torch.rand(2, 3, 3, 2), 0, 0, False)),
 ("gs_lastdim", lambda: torch.grid_sampler(x4, torch.rand(1, 3, 3, 3), 0, 0, False)),
 ("gs_3dinput", lambda: torch.grid_sampler(x4[0], g4[0], 0, 0, False)),
 ("gs2d_5d", lambda: torch.grid_sampler_2d(x5, g5, 0, 0, False)),
 ("gs3d_4d", lambda: torch.grid_sampler_3d(x4, g4, 0, 0, False)),
 ("gs_empty", lambda: torch.grid_sampler(torch.randn(1, 2, 0, 4), g4, 0, 0, False)),
 ("gs_int", lambda: torch.grid_sampler(x4.long(), g4.long(), 0, 0, False)),
 ("agg_3dsize", lambda: torch.affine_grid_generator(torch.randn(1, 2, 3), [1, 1, 3], False)),
 ("agg_theta_shape", lambda: torch.affine_grid_generator(torch.randn(1, 3, 4), [1, 1, 3, 3], False)),
 ("agg_batch", lambda: torch.affine_grid_generator(torch.randn(2, 2, 3), [1, 1, 3, 3], False)),
 ("agg_tuple", lambda: torch.affine_grid_generator(torch.randn(1, 2, 3), (1, 1, 3, 3), False).shape),
 ("eb_float_idx", lambda: torch.embedding_bag(emb, torch.tensor([0., 1.]), torch.tensor([0]))),
 ("eb_off0", lambda: torch.embedding_bag(emb, torch.tensor([0, 1]), torch.tensor([1]))),
 ("eb_offlast", lambda: torch.embedding_bag(emb, torch.tensor([0, 1]), torch.tensor([0, 3]))),
 ("eb_idx_range", lambda: torch.embedding_bag(emb, torch.tensor([0, 9]), torch.tensor([0]))),
 ("eb_psw_mean", lambda: torch.embedding_bag(emb, torch.tensor([0, 1]), torch.tensor([0]), False, 1, False, torch.ones(2))),
 ("eb_2d", lambda: [t.shape for t in torch.embedding_bag(emb, torch.tensor([[0, 1], [2, 3]]), torch.tensor([0]))]),
 ("eb_pidx", lambda: torch.embedding_bag(emb, torch.tensor([0, 1]), torch.tensor([0]), False, 0, False, None, False, 7)),
 ("eb_mixed", lambda: [t.dtype for t in torch.embedding_bag(emb, torch.tensor([0, 1]), torch.tensor([0], dtype=torch.int32), False, 1)]),
 ("eb_weight1d", lambda: torch.embedding_bag(emb[0], torch.tensor([0, 1]), torch.tensor([0]))),
 ("lstm_cell_1d", lambda: torch.lstm_cell(torch.randn(3), (torch.randn(4), torch.randn(4)), torch.randn(16, 3), torch.randn(16, 4))),
 ("lstm_cell_one", lambda: torch.lstm_cell(torch.randn(2, 3), (torch.randn(2, 4),), torch.randn(16, 3), torch.randn(16, 4))),
 ("gru_cell_in", lambda: torch.gru_cell(torch.randn(2, 5), torch.randn(2, 4), torch.randn(12, 3), torch.randn(12, 4))),
 ("gru_cell_batch", lambda: torch.gru_cell(torch.randn(2, 3), torch.randn(3, 4), torch.randn(12, 3), torch.randn(12, 4))),
 ("gru_cell_hidden", lambda: torch.gru_cell(torch.randn(2, 3), torch.randn(2, 5), torch.randn(12, 3), torch.randn(12, 4))),
 ("rnn_cell_w", lambda: torch.rnn_tanh_cell(torch.randn(2, 3), torch.randn(2, 4), torch.randn(5, 3), torch.randn(4, 4))),
 ("lstm_params", lambda: torch.lstm(torch.randn(2, 1, 3), (torch.zeros(1, 1, 4), torch.zeros(1, 1, 4)), [torch.randn(16, 3)], True, 1, 0.0, False, False, False)),
 ("lstm_one_h", lambda: torch.lstm(torch.randn(2, 1, 3), (torch.zeros(1, 1, 4),), [torch.randn(16, 3), torch.randn(16, 4)], False, 1, 0.0, False, False, False)),
 ("gru_params", lambda: torch.gru(torch.randn(2, 1, 3), torch.zeros(1, 1, 4), [torch.randn(12, 3)], False, 1, 0.0, False, False, False)),
 ("ctc_red5", lambda: torch.ctc_loss(torch.randn(5, 1, 4).log_softmax(2), torch.tensor([[1, 2]]), [5], [2], 0, 5, False).shape),
 ("ctc_blank", lambda: torch.ctc_loss(torch.randn(5, 1, 4).log_softmax(2), torch.tensor([[1, 2]]), [5], [2], 9)),
 ("resize_tuple", lambda: torch.arange(6.).resize((2, 3))),
 ("resize_as_bad", lambda: torch.arange(6.).resize_as(torch.zeros(4))),
 ("amp_bad_backoff", lambda: torch.amp.GradScaler("cpu", backoff_factor=1.0)),
 ("amp_cuda", lambda: (torch.amp.GradScaler("cuda").is_enabled(), torch.cuda.amp.GradScaler().is_enabled())),
 ("amp_new_scale", lambda: torch.amp.GradScaler("cpu").update(2.0)),
 ("gs_dtype_rev", lambda: torch.grid_sampler(torch.randn(1,2,4,4).double(), torch.rand(1,3,3,2), 0,0,False)),
 ("gs3d_int", lambda: torch.grid_sampler(torch.randn(1,2,3,4,4).long(), torch.rand(1,2,3,3,3).long(), 0,0,False)),
 ("lstm_cell_3d", lambda: torch.lstm_cell(torch.randn(1,2,3), (torch.randn(4), torch.randn(4)), torch.randn(16, 3), torch.randn(16, 4))),
 ("gru_cell_1d", lambda: torch.gru_cell(torch.randn(3), torch.randn(4), torch.randn(12, 3), torch.randn(12, 4))),
 ("rnn_cell_1d", lambda: torch.rnn_tanh_cell(torch.randn(3), torch.randn(4), torch.randn(4, 3), torch.randn(4, 4))),
 ("lstm_cell_h1d", lambda: torch.lstm_cell(torch.randn(2,3), (torch.randn(4), torch.randn(2,4)), torch.randn(16, 3), torch.randn(16, 4))),
 ("lstm_params5", lambda: torch.lstm(torch.randn(2, 1, 3), (torch.zeros(1, 1, 4), torch.zeros(1, 1, 4)), [torch.randn(16, 3)]*5, True, 1, 0.0, False, False, False)),
 ("gru_params3", lambda: torch.gru(torch.randn(2, 1, 3), torch.zeros(1, 1, 4), [torch.randn(12, 3)]*3, True, 1, 0.0, False, False, False)),
 ("F_conv2d_groups", lambda: torch.nn.functional.conv2d(torch.randn(1,2,4,4), torch.randn(3,2,3,3), groups=2)),
 ("F_conv1d_groups", lambda: torch.nn.functional.conv1d(torch.randn(1,2,4), torch.randn(3,2,3), groups=2)),
 ("F_conv2d_stride1", lambda: torch.nn.functional.conv2d(torch.randn(1,2,5,5), torch.randn(3,2,3,3), stride=[2]).shape),
 ("F_convT2d_stride1", lambda: torch.nn.functional.conv_transpose2d(torch.randn(1,2,5,5), torch.randn(2,3,3,3), stride=[2], output_padding=[1]).shape),
 ("F_conv2d_stride3", lambda: torch.nn.functional.conv2d(torch.randn(1,2,5,5), torch.randn(3,2,3,3), stride=[1, 1, 1])),
 ("F_conv2d_dil3", lambda: torch.nn.functional.conv2d(torch.randn(1,2,5,5), torch.randn(3,2,3,3), dilation=(1, 1, 1))),
 ("F_conv3d_pad1", lambda: torch.nn.functional.conv3d(torch.randn(1,2,4,5,5), torch.randn(3,2,2,3,3), padding=[1]).shape),
 ("F_eb_offlast", lambda: torch.nn.functional.embedding_bag(torch.tensor([0, 1]), emb, torch.tensor([0, 3]))),
]
for name, f in cases:
    try:
        r = f()
        print(name, "ok", r if not isinstance(r, torch.Tensor) else (r.dtype, list(r.shape)))
    except Exception as e:
        print(name, type(e).__name__, str(e).split("\n")[0])
