// NestJS 12 as native ESM with `await tracing(app)` from @otelware/nestjs, on the platform named by
// the first argument (`express` or `fastify`), the SDK from @opentelemetry/sdk-node as the README
// sets it up, with an in-memory exporter (from the sdk-trace it uses). Answers the shared requests
// once and reports the spans.
import 'reflect-metadata';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { tracing } from '@otelware/nestjs';
import type { AddressInfo } from 'node:net';
import { exercise, report } from '../exercise.cjs';
import { AppModule } from './app.module.js';

const exporter = new InMemorySpanExporter();
const sdk = new NodeSDK({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });
sdk.start();

async function create(platform: string | undefined): Promise<INestApplication> {
  const logger = ['warn' as const]; // not Nest's start-up lines
  if (platform === 'express') return NestFactory.create(AppModule, { logger });
  if (platform === 'fastify') {
    return NestFactory.create<NestFastifyApplication>(AppModule, new FastifyAdapter(), { logger });
  }
  throw new Error(`usage: node dist/main.js express|fastify, not ${platform}`);
}

const app = await create(process.argv[2]);
await tracing(app);
app.setGlobalPrefix('api');
await app.listen(0, '127.0.0.1');
const { port } = app.getHttpServer().address() as AddressInfo;
await report(await exercise(`http://127.0.0.1:${port}`), exporter);
await app.close();
await sdk.shutdown();
