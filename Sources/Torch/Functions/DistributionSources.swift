import Interpreter

/// `torch.distributions` and its submodules: embedded Python sources (folder `Python/`)
/// written as PyTorch writes torch/distributions, loaded at first import (or first use of
/// `torch.distributions` as an attribute).
enum DistributionSources {
    static let moduleNames = ["torch.distributions", "torch.distributions.constraints", "torch.distributions.utils",
                              "torch.distributions.transforms", "torch.distributions.kl"]

    static func register(into interp: Interpreter) {
        for name in moduleNames {
            guard let text = NNSources.source(of: name) else {
                preconditionFailure("EmbeddedPython.swift lacks the Python source of \(name) (run `make embed`)")
            }
            interp.registerSourceModule(name: name, source: text, file: "<\(name.replacing(".", with: "/")).py>")
        }
        for (submodule, names) in classModules {
            let name = "torch.distributions." + submodule
            let list = names.joined(separator: ", ")
            let source = "from torch.distributions import \(list)\n__all__ = [\(names.map { "\"\($0)\"" }.joined(separator: ", "))]\n"
            interp.registerSourceModule(name: name, source: source, file: "<\(name.replacing(".", with: "/")).py>")
        }
    }

    /// PyTorch's one-file-per-family modules (torch/distributions/normal.py, ...) and their
    /// `__all__`, so `from torch.distributions.multinomial import Multinomial` (as d2l and
    /// many notebooks write it) finds the class the package defines.
    static let classModules: [String: [String]] = [
        "bernoulli": ["Bernoulli"],
        "beta": ["Beta"],
        "binomial": ["Binomial"],
        "categorical": ["Categorical"],
        "cauchy": ["Cauchy"],
        "chi2": ["Chi2"],
        "continuous_bernoulli": ["ContinuousBernoulli"],
        "dirichlet": ["Dirichlet"],
        "distribution": ["Distribution"],
        "exp_family": ["ExponentialFamily"],
        "exponential": ["Exponential"],
        "fishersnedecor": ["FisherSnedecor"],
        "gamma": ["Gamma"],
        "generalized_pareto": ["GeneralizedPareto"],
        "geometric": ["Geometric"],
        "gumbel": ["Gumbel"],
        "half_cauchy": ["HalfCauchy"],
        "half_normal": ["HalfNormal"],
        "independent": ["Independent"],
        "inverse_gamma": ["InverseGamma"],
        "kumaraswamy": ["Kumaraswamy"],
        "laplace": ["Laplace"],
        "lkj_cholesky": ["LKJCholesky"],
        "log_normal": ["LogNormal"],
        "logistic_normal": ["LogisticNormal"],
        "lowrank_multivariate_normal": ["LowRankMultivariateNormal"],
        "mixture_same_family": ["MixtureSameFamily"],
        "multinomial": ["Multinomial"],
        "multivariate_normal": ["MultivariateNormal"],
        "negative_binomial": ["NegativeBinomial"],
        "normal": ["Normal"],
        "one_hot_categorical": ["OneHotCategorical", "OneHotCategoricalStraightThrough"],
        "pareto": ["Pareto"],
        "poisson": ["Poisson"],
        "relaxed_bernoulli": ["LogitRelaxedBernoulli", "RelaxedBernoulli"],
        "relaxed_categorical": ["ExpRelaxedCategorical", "RelaxedOneHotCategorical"],
        "studentT": ["StudentT"],
        "transformed_distribution": ["TransformedDistribution"],
        "uniform": ["Uniform"],
        "von_mises": ["VonMises"],
        "weibull": ["Weibull"],
        "wishart": ["Wishart"]
    ]
}
