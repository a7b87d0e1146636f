import Link from "next/link";

export default function NotFound() {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-3 px-4 text-center">
      <p className="font-mono text-sm text-muted">404</p>
      <h1 className="text-xl font-semibold">There is nothing here</h1>
      <Link href="/" className="text-sm underline">
        Back to the overview
      </Link>
    </main>
  );
}
