/**
 * Starts a real S3 server for the tests: moto_server on a free loopback port, or the endpoint
 * named by S3API_TEST_ENDPOINT (MinIO, real S3) when it is set.
 */
import type { TestProject } from 'vitest/node';
import { startMoto, type RunningMoto } from '../../scripts/moto.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    s3Endpoint: string;
  }
}

let moto: RunningMoto | undefined;

export async function setup(project: TestProject): Promise<void> {
  const configured = process.env.S3API_TEST_ENDPOINT;
  if (configured) {
    project.provide('s3Endpoint', configured);
    return;
  }
  moto = await startMoto();
  project.provide('s3Endpoint', moto.endpoint);
}

export async function teardown(): Promise<void> {
  moto?.stop();
}
