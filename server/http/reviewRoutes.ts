import type { IncomingMessage, ServerResponse } from 'node:http';
import { deleteConfirmBody, ERROR_CODES } from '../../lib/protocol';
import { reviewToMarkdown } from '../../lib/review/markdown';
import { reviewToPdf } from './reviewPdf';
import type { Log } from '../infra/log';
import type { ReviewService } from '../workshop/review';
import type { WorkshopService } from '../workshop/seating';
import { failureAnswer, HttpError, readBody, sendError, sendJson } from './respond';
import type { Router } from './router';

const notFound = () => new HttpError(ERROR_CODES.notFound, 'This review link does not open any board. It may have been deleted.');

/**
 * A partner's private review link, /review/<secret>: the board to read
 * (GET /api/review/<secret>), to delete (DELETE, with {"confirm": true}),
 * and its take-home files at /review/<secret>/export.md and export.pdf.
 */
export function addReviewRoutes(router: Router, deps: { reviews: ReviewService; workshops: WorkshopService }): Router {
  const { reviews, workshops } = deps;
  return router
    .add('GET', '/api/review/:secret', async (ctx) => {
      const review = await reviews.load(ctx.params.secret);
      if (!review) throw notFound();
      sendJson(ctx.res, 200, review.data);
    })
    .add('DELETE', '/api/review/:secret', async (ctx) => {
      const review = await reviews.load(ctx.params.secret);
      if (!review) throw notFound();
      await readBody(ctx.req, deleteConfirmBody);
      await workshops.removeCouple(review.couple.workshopCode, review.couple.id, 'deleted', review.participant.id);
      sendJson(ctx.res, 200, { deleted: true });
    });
}

export const EXPORT_PATH = /^\/review\/([A-Za-z0-9_-]{1,64})\/export\.(md|pdf)$/;

/** Serves the two downloads; they live beside the review page rather than under /api so the links read well. */
export function createExportHandler(deps: { reviews: ReviewService; log: Log }) {
  return async function handleExport(req: IncomingMessage, res: ServerResponse, secret: string, format: 'md' | 'pdf'): Promise<void> {
    res.once('finish', () => deps.log.debug(`export ${req.method} /review/:secret/export.${format} ${res.statusCode}`));
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(ERROR_CODES.badRequest, `${req.method} is not allowed here.`);
      const review = await deps.reviews.load(secret);
      if (!review) throw notFound();
      const slug = review.data.workshop.title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 60) || 'board';
      const body = format === 'md' ? Buffer.from(reviewToMarkdown(review.data), 'utf8') : await reviewToPdf(review.data);
      res.writeHead(200, {
        'content-type': format === 'md' ? 'text/markdown; charset=utf-8' : 'application/pdf',
        'content-length': body.length,
        'content-disposition': `attachment; filename="twofold-${encodeURIComponent(slug)}.${format}"`,
        'cache-control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      if (err instanceof HttpError) return sendError(res, err);
      deps.log.error('export failed', err);
      sendError(res, failureAnswer(err));
    }
  };
}
