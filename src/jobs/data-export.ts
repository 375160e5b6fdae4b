// `/spur export`: streams the period's rows into temporary files, one page of rows at a time, and hands the
// files to the platform's delivery (Slack DM upload, Teams personal chat). The job id is the command's
// request id, so a redelivered command queues nothing twice.
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Job } from "bullmq";
import { exportParts, exportSummary } from "../core/data-rights/data-export.ts";
import type { DataExportReads, ExportDelivery, ExportFile, ExportRequest } from "../core/data-rights/data-rights-ports.ts";
import { defineJob } from "./job-definition.ts";
import { SCHEDULED_QUEUE } from "./queues.ts";
import { honouringRetryAfter } from "./retry-after.ts";

export const DATA_EXPORT_JOB = "data-export";

export interface DataExportDeps {
  exportReads: DataExportReads;
  exportDeliveryFor(workspaceId: string): Promise<ExportDelivery>;
}

export async function processDataExport(deps: DataExportDeps, job: Job<ExportRequest>, token?: string): Promise<string> {
  const request = job.data;
  const dir = await mkdtemp(join(tmpdir(), "spur-export-"));
  try {
    const { period, parts, counts, threshold } = await exportParts(deps.exportReads, request);
    const files: ExportFile[] = [];
    for (const part of parts) {
      const path = join(dir, part.filename);
      await pipeline(Readable.from(part.chunks), createWriteStream(path));
      files.push({ path, filename: part.filename, contentType: part.contentType, title: part.title });
    }
    const delivery = await deps.exportDeliveryFor(request.workspaceId);
    await honouringRetryAfter(job, token, () =>
      delivery.deliver(
        { workspaceId: request.workspaceId, platformUserId: request.actorUserId, conversationId: request.conversationId },
        files,
        exportSummary(period, counts, threshold),
        request.locale ?? "en",
      ),
    );
    return "delivered";
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export const dataExportJob = defineJob({
  name: DATA_EXPORT_JOB,
  queue: SCHEDULED_QUEUE,
  process: processDataExport,
  dispatch: ({ add }) => ({
    exportData: (request) => add(request, { jobId: `data-export-${request.requestId.replaceAll(":", "_")}` }),
  }),
});
