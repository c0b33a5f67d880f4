# torch.distributions — last part: each class's __module__ is the file PyTorch defines it in, as
# `torch.distributions.X.__module__` is in PyTorch, so that `print(type(x))` and `repr` of the class show
# PyTorch's path (written from PyTorch 2.15's classes; a class this build lacks is skipped).

try:
    AbsTransform.__module__ = "torch.distributions.transforms"
except NameError:
    pass
try:
    AffineTransform.__module__ = "torch.distributions.transforms"
except NameError:
    pass
try:
    Bernoulli.__module__ = "torch.distributions.bernoulli"
except NameError:
    pass
try:
    Beta.__module__ = "torch.distributions.beta"
except NameError:
    pass
try:
    Binomial.__module__ = "torch.distributions.binomial"
except NameError:
    pass
try:
    CatTransform.__module__ = "torch.distributions.transforms"
except NameError:
    pass
try:
    Categorical.__module__ = "torch.distributions.categorical"
except NameError:
    pass
try:
    Cauchy.__module__ = "torch.distributions.cauchy"
except NameError:
    pass
try:
    Chi2.__module__ = "torch.distributions.chi2"
except NameError:
    pass
try:
    ComposeTransform.__module__ = "torch.distributions.transforms"
except NameError:
    pass
try:
    ContinuousBernoulli.__module__ = "torch.distributions.continuous_bernoulli"
except NameError:
    pass
try:
    CorrCholeskyTransform.__module__ = "torch.distributions.transforms"
except NameError:
    pass
try:
    CumulativeDistributionTransform.__module__ = "torch.distributions.transforms"
except NameError:
    pass
try:
    Dirichlet.__module__ = "torch.distributions.dirichlet"
except NameError:
    pass
try:
    Distribution.__module__ = "torch.distributions.distribution"
except NameError:
    pass
try:
    ExpTransform.__module__ = "torch.distributions.transforms"
except NameError:
    pass
try:
    Exponential.__module__ = "torch.distributions.exponential"
except NameError:
    pass
try:
    ExponentialFamily.__module__ = "torch.distributions.exp_family"
except NameError:
    pass
try:
    FisherSnedecor.__module__ = "torch.distributions.fishersnedecor"
except NameError:
    pass
try:
    Gamma.__module__ = "torch.distributions.gamma"
except NameError:
    pass
try:
    GeneralizedPareto.__module__ = "torch.distributions.generalized_pareto"
except NameError:
    pass
try:
    Geometric.__module__ = "torch.distributions.geometric"
except NameError:
    pass
try:
    Gumbel.__module__ = "torch.distributions.gumbel"
except NameError:
    pass
try:
    HalfCauchy.__module__ = "torch.distributions.half_cauchy"
except NameError:
    pass
try:
    HalfNormal.__module__ = "torch.distributions.half_normal"
except NameError:
    pass
try:
    Independent.__module__ = "torch.distributions.independent"
except NameError:
    pass
try:
    IndependentTransform.__module__ = "torch.distributions.transforms"
except NameError:
    pass
try:
    InverseGamma.__module__ = "torch.distributions.inverse_gamma"
except NameError:
    pass
try:
    Kumaraswamy.__module__ = "torch.distributions.kumaraswamy"
except NameError:
    pass
try:
    LKJCholesky.__module__ = "torch.distributions.lkj_cholesky"
except NameError:
    pass
try:
    Laplace.__module__ = "torch.distributions.laplace"
except NameError:
    pass
try:
    LogNormal.__module__ = "torch.distributions.log_normal"
except NameError:
    pass
try:
    LogisticNormal.__module__ = "torch.distributions.logistic_normal"
except NameError:
    pass
try:
    LowRankMultivariateNormal.__module__ = "torch.distributions.lowrank_multivariate_normal"
except NameError:
    pass
try:
    LowerCholeskyTransform.__module__ = "torch.distributions.transforms"
except NameError:
    pass
try:
    MixtureSameFamily.__module__ = "torch.distributions.mixture_same_family"
except NameError:
    pass
try:
    Multinomial.__module__ = "torch.distributions.multinomial"
except NameError:
    pass
try:
    MultivariateNormal.__module__ = "torch.distributions.multivariate_normal"
except NameError:
    pass
try:
    NegativeBinomial.__module__ = "torch.distributions.negative_binomial"
except NameError:
    pass
try:
    Normal.__module__ = "torch.distributions.normal"
except NameError:
    pass
try:
    OneHotCategorical.__module__ = "torch.distributions.one_hot_categorical"
except NameError:
    pass
try:
    OneHotCategoricalStraightThrough.__module__ = "torch.distributions.one_hot_categorical"
except NameError:
    pass
try:
    Pareto.__module__ = "torch.distributions.pareto"
except NameError:
    pass
try:
    Poisson.__module__ = "torch.distributions.poisson"
except NameError:
    pass
try:
    PositiveDefiniteTransform.__module__ = "torch.distributions.transforms"
except NameError:
    pass
try:
    PowerTransform.__module__ = "torch.distributions.transforms"
except NameError:
    pass
try:
    RelaxedBernoulli.__module__ = "torch.distributions.relaxed_bernoulli"
except NameError:
    pass
try:
    RelaxedOneHotCategorical.__module__ = "torch.distributions.relaxed_categorical"
except NameError:
    pass
try:
    ReshapeTransform.__module__ = "torch.distributions.transforms"
except NameError:
    pass
try:
    SigmoidTransform.__module__ = "torch.distributions.transforms"
except NameError:
    pass
try:
    SoftmaxTransform.__module__ = "torch.distributions.transforms"
except NameError:
    pass
try:
    SoftplusTransform.__module__ = "torch.distributions.transforms"
except NameError:
    pass
try:
    StackTransform.__module__ = "torch.distributions.transforms"
except NameError:
    pass
try:
    StickBreakingTransform.__module__ = "torch.distributions.transforms"
except NameError:
    pass
try:
    StudentT.__module__ = "torch.distributions.studentT"
except NameError:
    pass
try:
    TanhTransform.__module__ = "torch.distributions.transforms"
except NameError:
    pass
try:
    Transform.__module__ = "torch.distributions.transforms"
except NameError:
    pass
try:
    TransformedDistribution.__module__ = "torch.distributions.transformed_distribution"
except NameError:
    pass
try:
    Uniform.__module__ = "torch.distributions.uniform"
except NameError:
    pass
try:
    VonMises.__module__ = "torch.distributions.von_mises"
except NameError:
    pass
try:
    Weibull.__module__ = "torch.distributions.weibull"
except NameError:
    pass
try:
    Wishart.__module__ = "torch.distributions.wishart"
except NameError:
    pass
