import type { Metadata } from 'next';
import { Wordmark } from '../../_components/Wordmark';
import { CreateWorkshopForm } from './CreateWorkshopForm';

export const metadata: Metadata = { title: 'Host a workshop · Twofold' };

export default function NewWorkshopPage() {
  return (
    <div className="mx-auto flex min-h-dvh w-full max-w-7xl flex-col px-5 py-6 sm:py-10 lg:px-10">
      <header>
        <Wordmark />
      </header>
      <main className="flex flex-col gap-8 pt-8 sm:pt-10">
        <div className="flex flex-col gap-3">
          <h1 className="text-3xl font-semibold tracking-tight">Host a workshop</h1>
          <p className="max-w-prose text-lg leading-relaxed text-muted">
            Name the workshop and set its agenda. You get a room code and a QR code to show the room, and a console that
            paces the exercises and shows how couples are doing, without ever showing what they write.
          </p>
        </div>
        <CreateWorkshopForm />
      </main>
    </div>
  );
}
