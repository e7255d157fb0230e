import type { Metadata } from 'next';
import { Wordmark } from '../../_components/Wordmark';
import { CreateWorkshopForm } from './CreateWorkshopForm';

export const metadata: Metadata = { title: 'Host a workshop · Twofold' };

export default function NewWorkshopPage() {
  return (
    <div className="mx-auto flex min-h-dvh w-full max-w-2xl flex-col px-5 py-6 sm:py-10">
      <header>
        <Wordmark />
      </header>
      <main className="flex flex-col gap-8 pt-8 sm:pt-12">
        <div className="flex flex-col gap-3">
          <h1 className="text-3xl font-semibold tracking-tight">Host a workshop</h1>
          <p className="max-w-prose text-lg leading-relaxed text-muted">
            You get a room code and a QR code to show the room, and a console that shows which couples have joined and
            how they are doing, without ever showing what they write.
          </p>
        </div>
        <section aria-label="New workshop" className="rounded-3xl border border-line bg-card p-6 shadow-sm sm:p-8">
          <CreateWorkshopForm />
        </section>
      </main>
    </div>
  );
}
