# torch.nn — last part: each class's __module__ is the file PyTorch defines it in
# (torch.nn.modules.linear, ...), as `nn.Linear.__module__` is in PyTorch, so that
# torch.save(model) pickles the class by the name real PyTorch loads it by.
# (One statement per class: the interpreter offers lessons neither eval() nor a module
# namespace while the module runs; a class this build lacks is skipped.)

try:
    Module.__module__ = "torch.nn.modules.module"
except NameError:
    pass
try:
    Sequential.__module__ = "torch.nn.modules.container"
except NameError:
    pass
try:
    ModuleList.__module__ = "torch.nn.modules.container"
except NameError:
    pass
try:
    ModuleDict.__module__ = "torch.nn.modules.container"
except NameError:
    pass
try:
    ParameterList.__module__ = "torch.nn.modules.container"
except NameError:
    pass
try:
    ParameterDict.__module__ = "torch.nn.modules.container"
except NameError:
    pass
try:
    Container.__module__ = "torch.nn.modules.container"
except NameError:
    pass
try:
    Identity.__module__ = "torch.nn.modules.linear"
except NameError:
    pass
try:
    Linear.__module__ = "torch.nn.modules.linear"
except NameError:
    pass
try:
    Bilinear.__module__ = "torch.nn.modules.linear"
except NameError:
    pass
try:
    LazyLinear.__module__ = "torch.nn.modules.linear"
except NameError:
    pass
try:
    NonDynamicallyQuantizableLinear.__module__ = "torch.nn.modules.linear"
except NameError:
    pass
try:
    Conv1d.__module__ = "torch.nn.modules.conv"
except NameError:
    pass
try:
    Conv2d.__module__ = "torch.nn.modules.conv"
except NameError:
    pass
try:
    Conv3d.__module__ = "torch.nn.modules.conv"
except NameError:
    pass
try:
    ConvTranspose1d.__module__ = "torch.nn.modules.conv"
except NameError:
    pass
try:
    ConvTranspose2d.__module__ = "torch.nn.modules.conv"
except NameError:
    pass
try:
    ConvTranspose3d.__module__ = "torch.nn.modules.conv"
except NameError:
    pass
try:
    _ConvNd.__module__ = "torch.nn.modules.conv"
except NameError:
    pass
try:
    _ConvTransposeNd.__module__ = "torch.nn.modules.conv"
except NameError:
    pass
try:
    ReLU.__module__ = "torch.nn.modules.activation"
except NameError:
    pass
try:
    LeakyReLU.__module__ = "torch.nn.modules.activation"
except NameError:
    pass
try:
    GELU.__module__ = "torch.nn.modules.activation"
except NameError:
    pass
try:
    SiLU.__module__ = "torch.nn.modules.activation"
except NameError:
    pass
try:
    Tanh.__module__ = "torch.nn.modules.activation"
except NameError:
    pass
try:
    Sigmoid.__module__ = "torch.nn.modules.activation"
except NameError:
    pass
try:
    Softmax.__module__ = "torch.nn.modules.activation"
except NameError:
    pass
try:
    LogSoftmax.__module__ = "torch.nn.modules.activation"
except NameError:
    pass
try:
    Softmin.__module__ = "torch.nn.modules.activation"
except NameError:
    pass
try:
    Softmax2d.__module__ = "torch.nn.modules.activation"
except NameError:
    pass
try:
    ELU.__module__ = "torch.nn.modules.activation"
except NameError:
    pass
try:
    SELU.__module__ = "torch.nn.modules.activation"
except NameError:
    pass
try:
    CELU.__module__ = "torch.nn.modules.activation"
except NameError:
    pass
try:
    GLU.__module__ = "torch.nn.modules.activation"
except NameError:
    pass
try:
    Hardshrink.__module__ = "torch.nn.modules.activation"
except NameError:
    pass
try:
    Hardsigmoid.__module__ = "torch.nn.modules.activation"
except NameError:
    pass
try:
    Hardswish.__module__ = "torch.nn.modules.activation"
except NameError:
    pass
try:
    Hardtanh.__module__ = "torch.nn.modules.activation"
except NameError:
    pass
try:
    LogSigmoid.__module__ = "torch.nn.modules.activation"
except NameError:
    pass
try:
    Mish.__module__ = "torch.nn.modules.activation"
except NameError:
    pass
try:
    PReLU.__module__ = "torch.nn.modules.activation"
except NameError:
    pass
try:
    RReLU.__module__ = "torch.nn.modules.activation"
except NameError:
    pass
try:
    ReLU6.__module__ = "torch.nn.modules.activation"
except NameError:
    pass
try:
    Softplus.__module__ = "torch.nn.modules.activation"
except NameError:
    pass
try:
    Softshrink.__module__ = "torch.nn.modules.activation"
except NameError:
    pass
try:
    Softsign.__module__ = "torch.nn.modules.activation"
except NameError:
    pass
try:
    Tanhshrink.__module__ = "torch.nn.modules.activation"
except NameError:
    pass
try:
    Threshold.__module__ = "torch.nn.modules.activation"
except NameError:
    pass
try:
    MultiheadAttention.__module__ = "torch.nn.modules.activation"
except NameError:
    pass
try:
    BatchNorm1d.__module__ = "torch.nn.modules.batchnorm"
except NameError:
    pass
try:
    BatchNorm2d.__module__ = "torch.nn.modules.batchnorm"
except NameError:
    pass
try:
    BatchNorm3d.__module__ = "torch.nn.modules.batchnorm"
except NameError:
    pass
try:
    _BatchNorm.__module__ = "torch.nn.modules.batchnorm"
except NameError:
    pass
try:
    _NormBase.__module__ = "torch.nn.modules.batchnorm"
except NameError:
    pass
try:
    SyncBatchNorm.__module__ = "torch.nn.modules.batchnorm"
except NameError:
    pass
try:
    LayerNorm.__module__ = "torch.nn.modules.normalization"
except NameError:
    pass
try:
    GroupNorm.__module__ = "torch.nn.modules.normalization"
except NameError:
    pass
try:
    LocalResponseNorm.__module__ = "torch.nn.modules.normalization"
except NameError:
    pass
try:
    RMSNorm.__module__ = "torch.nn.modules.normalization"
except NameError:
    pass
try:
    CrossMapLRN2d.__module__ = "torch.nn.modules.normalization"
except NameError:
    pass
try:
    InstanceNorm1d.__module__ = "torch.nn.modules.instancenorm"
except NameError:
    pass
try:
    InstanceNorm2d.__module__ = "torch.nn.modules.instancenorm"
except NameError:
    pass
try:
    InstanceNorm3d.__module__ = "torch.nn.modules.instancenorm"
except NameError:
    pass
try:
    _InstanceNorm.__module__ = "torch.nn.modules.instancenorm"
except NameError:
    pass
try:
    Dropout.__module__ = "torch.nn.modules.dropout"
except NameError:
    pass
try:
    Dropout1d.__module__ = "torch.nn.modules.dropout"
except NameError:
    pass
try:
    Dropout2d.__module__ = "torch.nn.modules.dropout"
except NameError:
    pass
try:
    Dropout3d.__module__ = "torch.nn.modules.dropout"
except NameError:
    pass
try:
    AlphaDropout.__module__ = "torch.nn.modules.dropout"
except NameError:
    pass
try:
    FeatureAlphaDropout.__module__ = "torch.nn.modules.dropout"
except NameError:
    pass
try:
    _DropoutNd.__module__ = "torch.nn.modules.dropout"
except NameError:
    pass
try:
    L1Loss.__module__ = "torch.nn.modules.loss"
except NameError:
    pass
try:
    MSELoss.__module__ = "torch.nn.modules.loss"
except NameError:
    pass
try:
    CrossEntropyLoss.__module__ = "torch.nn.modules.loss"
except NameError:
    pass
try:
    NLLLoss.__module__ = "torch.nn.modules.loss"
except NameError:
    pass
try:
    BCELoss.__module__ = "torch.nn.modules.loss"
except NameError:
    pass
try:
    BCEWithLogitsLoss.__module__ = "torch.nn.modules.loss"
except NameError:
    pass
try:
    HuberLoss.__module__ = "torch.nn.modules.loss"
except NameError:
    pass
try:
    SmoothL1Loss.__module__ = "torch.nn.modules.loss"
except NameError:
    pass
try:
    SoftMarginLoss.__module__ = "torch.nn.modules.loss"
except NameError:
    pass
try:
    KLDivLoss.__module__ = "torch.nn.modules.loss"
except NameError:
    pass
try:
    MarginRankingLoss.__module__ = "torch.nn.modules.loss"
except NameError:
    pass
try:
    HingeEmbeddingLoss.__module__ = "torch.nn.modules.loss"
except NameError:
    pass
try:
    CosineEmbeddingLoss.__module__ = "torch.nn.modules.loss"
except NameError:
    pass
try:
    MultiMarginLoss.__module__ = "torch.nn.modules.loss"
except NameError:
    pass
try:
    MultiLabelMarginLoss.__module__ = "torch.nn.modules.loss"
except NameError:
    pass
try:
    MultiLabelSoftMarginLoss.__module__ = "torch.nn.modules.loss"
except NameError:
    pass
try:
    TripletMarginLoss.__module__ = "torch.nn.modules.loss"
except NameError:
    pass
try:
    TripletMarginWithDistanceLoss.__module__ = "torch.nn.modules.loss"
except NameError:
    pass
try:
    PoissonNLLLoss.__module__ = "torch.nn.modules.loss"
except NameError:
    pass
try:
    GaussianNLLLoss.__module__ = "torch.nn.modules.loss"
except NameError:
    pass
try:
    CTCLoss.__module__ = "torch.nn.modules.loss"
except NameError:
    pass
try:
    NLLLoss2d.__module__ = "torch.nn.modules.loss"
except NameError:
    pass
try:
    _Loss.__module__ = "torch.nn.modules.loss"
except NameError:
    pass
try:
    _WeightedLoss.__module__ = "torch.nn.modules.loss"
except NameError:
    pass
try:
    RNNBase.__module__ = "torch.nn.modules.rnn"
except NameError:
    pass
try:
    RNN.__module__ = "torch.nn.modules.rnn"
except NameError:
    pass
try:
    LSTM.__module__ = "torch.nn.modules.rnn"
except NameError:
    pass
try:
    GRU.__module__ = "torch.nn.modules.rnn"
except NameError:
    pass
try:
    RNNCellBase.__module__ = "torch.nn.modules.rnn"
except NameError:
    pass
try:
    RNNCell.__module__ = "torch.nn.modules.rnn"
except NameError:
    pass
try:
    LSTMCell.__module__ = "torch.nn.modules.rnn"
except NameError:
    pass
try:
    GRUCell.__module__ = "torch.nn.modules.rnn"
except NameError:
    pass
try:
    Embedding.__module__ = "torch.nn.modules.sparse"
except NameError:
    pass
try:
    EmbeddingBag.__module__ = "torch.nn.modules.sparse"
except NameError:
    pass
try:
    Flatten.__module__ = "torch.nn.modules.flatten"
except NameError:
    pass
try:
    Unflatten.__module__ = "torch.nn.modules.flatten"
except NameError:
    pass
try:
    PairwiseDistance.__module__ = "torch.nn.modules.distance"
except NameError:
    pass
try:
    CosineSimilarity.__module__ = "torch.nn.modules.distance"
except NameError:
    pass
try:
    MaxPool1d.__module__ = "torch.nn.modules.pooling"
except NameError:
    pass
try:
    MaxPool2d.__module__ = "torch.nn.modules.pooling"
except NameError:
    pass
try:
    MaxPool3d.__module__ = "torch.nn.modules.pooling"
except NameError:
    pass
try:
    AvgPool1d.__module__ = "torch.nn.modules.pooling"
except NameError:
    pass
try:
    AvgPool2d.__module__ = "torch.nn.modules.pooling"
except NameError:
    pass
try:
    AvgPool3d.__module__ = "torch.nn.modules.pooling"
except NameError:
    pass
try:
    AdaptiveAvgPool1d.__module__ = "torch.nn.modules.pooling"
except NameError:
    pass
try:
    AdaptiveAvgPool2d.__module__ = "torch.nn.modules.pooling"
except NameError:
    pass
try:
    AdaptiveAvgPool3d.__module__ = "torch.nn.modules.pooling"
except NameError:
    pass
try:
    AdaptiveMaxPool1d.__module__ = "torch.nn.modules.pooling"
except NameError:
    pass
try:
    AdaptiveMaxPool2d.__module__ = "torch.nn.modules.pooling"
except NameError:
    pass
try:
    AdaptiveMaxPool3d.__module__ = "torch.nn.modules.pooling"
except NameError:
    pass
try:
    MaxUnpool1d.__module__ = "torch.nn.modules.pooling"
except NameError:
    pass
try:
    MaxUnpool2d.__module__ = "torch.nn.modules.pooling"
except NameError:
    pass
try:
    MaxUnpool3d.__module__ = "torch.nn.modules.pooling"
except NameError:
    pass
try:
    LPPool1d.__module__ = "torch.nn.modules.pooling"
except NameError:
    pass
try:
    LPPool2d.__module__ = "torch.nn.modules.pooling"
except NameError:
    pass
try:
    LPPool3d.__module__ = "torch.nn.modules.pooling"
except NameError:
    pass
try:
    FractionalMaxPool2d.__module__ = "torch.nn.modules.pooling"
except NameError:
    pass
try:
    FractionalMaxPool3d.__module__ = "torch.nn.modules.pooling"
except NameError:
    pass
try:
    ZeroPad1d.__module__ = "torch.nn.modules.padding"
except NameError:
    pass
try:
    ZeroPad2d.__module__ = "torch.nn.modules.padding"
except NameError:
    pass
try:
    ZeroPad3d.__module__ = "torch.nn.modules.padding"
except NameError:
    pass
try:
    ConstantPad1d.__module__ = "torch.nn.modules.padding"
except NameError:
    pass
try:
    ConstantPad2d.__module__ = "torch.nn.modules.padding"
except NameError:
    pass
try:
    ConstantPad3d.__module__ = "torch.nn.modules.padding"
except NameError:
    pass
try:
    ReflectionPad1d.__module__ = "torch.nn.modules.padding"
except NameError:
    pass
try:
    ReflectionPad2d.__module__ = "torch.nn.modules.padding"
except NameError:
    pass
try:
    ReflectionPad3d.__module__ = "torch.nn.modules.padding"
except NameError:
    pass
try:
    ReplicationPad1d.__module__ = "torch.nn.modules.padding"
except NameError:
    pass
try:
    ReplicationPad2d.__module__ = "torch.nn.modules.padding"
except NameError:
    pass
try:
    ReplicationPad3d.__module__ = "torch.nn.modules.padding"
except NameError:
    pass
try:
    CircularPad1d.__module__ = "torch.nn.modules.padding"
except NameError:
    pass
try:
    CircularPad2d.__module__ = "torch.nn.modules.padding"
except NameError:
    pass
try:
    CircularPad3d.__module__ = "torch.nn.modules.padding"
except NameError:
    pass
try:
    PixelShuffle.__module__ = "torch.nn.modules.pixelshuffle"
except NameError:
    pass
try:
    PixelUnshuffle.__module__ = "torch.nn.modules.pixelshuffle"
except NameError:
    pass
try:
    Upsample.__module__ = "torch.nn.modules.upsampling"
except NameError:
    pass
try:
    UpsamplingNearest2d.__module__ = "torch.nn.modules.upsampling"
except NameError:
    pass
try:
    UpsamplingBilinear2d.__module__ = "torch.nn.modules.upsampling"
except NameError:
    pass
try:
    Fold.__module__ = "torch.nn.modules.fold"
except NameError:
    pass
try:
    Unfold.__module__ = "torch.nn.modules.fold"
except NameError:
    pass
try:
    ChannelShuffle.__module__ = "torch.nn.modules.channelshuffle"
except NameError:
    pass
try:
    Transformer.__module__ = "torch.nn.modules.transformer"
except NameError:
    pass
try:
    TransformerEncoder.__module__ = "torch.nn.modules.transformer"
except NameError:
    pass
try:
    TransformerDecoder.__module__ = "torch.nn.modules.transformer"
except NameError:
    pass
try:
    TransformerEncoderLayer.__module__ = "torch.nn.modules.transformer"
except NameError:
    pass
try:
    TransformerDecoderLayer.__module__ = "torch.nn.modules.transformer"
except NameError:
    pass
try:
    AdaptiveLogSoftmaxWithLoss.__module__ = "torch.nn.modules.adaptive"
except NameError:
    pass
