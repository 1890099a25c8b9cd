/// Planning.md 2, "Platform release … also due": internal certificates expire `certificateValidity` after
/// the management cluster's last update.
public enum CertificateExpiryRule {
    public static func evaluate(lastUpdated: CalendarDate?, validity: TimeSpan) -> SupportVerdict? {
        guard let lastUpdated else { return nil }
        let expiry = lastUpdated.adding(days: validity.days)
        return SupportVerdict(.certificates, .on(expiry), "certificates expire \(validity.days) days after the last update (\(lastUpdated)), on \(expiry)")
    }
}
