export default function RaidPage() {
  return <h1>Raid</h1>;
}
