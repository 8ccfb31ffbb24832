export function App() {
  return <div>Switchboard</div>;
}
