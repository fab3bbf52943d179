import Link from "next/link";

export default function NotFound() {
  return (
    <div className="empty" style={{ marginTop: 40 }}>
      <h1 style={{ marginBottom: 8 }}>Page not found</h1>
      <p>
        Back to the <Link href="/">overview</Link>.
      </p>
    </div>
  );
}
