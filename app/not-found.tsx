export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl p-8">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p>There is nothing here, or you do not have access to it.</p>
    </main>
  );
}
