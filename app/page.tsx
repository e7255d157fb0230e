export default function Home() {
  return <main className="p-6"><h1 className="text-3xl">Twofold</h1></main>;
}
