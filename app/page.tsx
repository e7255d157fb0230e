import Link from 'next/link';
import { buttonClasses } from './_components/Button';
import { JoinByCodeForm } from './_components/JoinByCodeForm';
import { Wordmark } from './_components/Wordmark';

export default function Home() {
  return (
    <div className="mx-auto flex min-h-dvh w-full max-w-xl flex-col px-5 py-6 sm:py-10">
      <header>
        <Wordmark />
      </header>

      <main className="flex flex-1 flex-col gap-10 pt-8 sm:pt-12">
        <section aria-labelledby="join-heading" className="rounded-3xl border border-line bg-card p-6 shadow-sm sm:p-8">
          <h1 id="join-heading" className="text-3xl font-semibold tracking-tight">
            Join a workshop
          </h1>
          <p className="mt-2 mb-6 text-lg leading-relaxed text-muted">
            Each of you on your own phone. No account, nothing to install.
          </p>
          <JoinByCodeForm />
        </section>

        <section aria-labelledby="about-heading" className="flex flex-col gap-3 px-1">
          <h2 id="about-heading" className="text-xl font-semibold">
            What is Twofold?
          </h2>
          <p className="text-lg leading-relaxed">
            A shared board for couples in a workshop. You and your partner each write on your own phone, and every word
            shows on the other&rsquo;s phone as you type.
          </p>
          <p className="text-lg leading-relaxed text-muted">
            What you write stays between the two of you. The facilitator sees who has joined and how things are going,
            never what you wrote.
          </p>
        </section>

        <section aria-labelledby="host-heading" className="mt-auto flex flex-col gap-3 border-t border-line px-1 pt-6">
          <h2 id="host-heading" className="text-base font-semibold text-muted">
            Running a workshop?
          </h2>
          <Link href="/host/new" className={buttonClasses('secondary', 'self-start')}>
            Host a workshop
          </Link>
        </section>
      </main>
    </div>
  );
}
