export default function PortfolioPage() {
  return <h1>Portfolio</h1>;
}
