/// Planning.md 2, "Node pool skew": a pool newer than its control plane, or more than `kubeletSkew`
/// minors behind it, is out of support now.
public enum KubeletSkewRule {
    public static func evaluate(pool: KubernetesVersion, controlPlane: KubernetesVersion, allowedSkew: Int) -> SupportVerdict {
        if controlPlane < pool {
            return SupportVerdict(.skew, .unsupported, "the pool runs \(pool), newer than its control plane \(controlPlane)")
        }
        let behind = controlPlane.minorVersion.distance(from: pool.minorVersion)
        if behind > allowedSkew {
            return SupportVerdict(.skew, .unsupported, "the pool runs \(pool), \(behind) minors behind its control plane \(controlPlane); at most \(allowedSkew) are allowed")
        }
        return SupportVerdict(.skew, .noKnownEnd, behind == 0
            ? "the pool runs its control plane's minor"
            : "the pool is \(behind) minor\(behind == 1 ? "" : "s") behind its control plane, within the allowed \(allowedSkew)")
    }
}
