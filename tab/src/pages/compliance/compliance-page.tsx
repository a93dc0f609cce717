export default function CompliancePage() {
  return <h1>Compliance</h1>;
}
