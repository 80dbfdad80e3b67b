/** Placeholder shell; the simulator UI replaces it (issue 3). */
export function App() {
  return (
    <main className="p-6">
      <h1 className="text-2xl font-semibold">MQTT Will Lab</h1>
    </main>
  );
}
