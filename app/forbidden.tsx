import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-3 px-4 text-center">
      <p className="font-mono text-sm text-muted">403</p>
      <h1 className="text-xl font-semibold">Your role does not allow this page</h1>
      <p className="max-w-sm text-sm text-muted">Ask an admin if you need access.</p>
      <Link href="/" className="text-sm underline">
        Back to the overview
      </Link>
    </main>
  );
}
