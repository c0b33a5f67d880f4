/// The PyTorch release whose printed output Gradbook matches (`torch.__version__`,
/// `gradbook --version`).
public enum TorchVersion {
    public static let matched = "2.15.0"
}
