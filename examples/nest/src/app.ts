import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { tracing } from '@otelware/nestjs';
import { AppModule } from './app.module';

/** The Nest app on Express or Fastify, every route under the global prefix `api`. */
export async function createApp(platform: 'express' | 'fastify'): Promise<INestApplication> {
  const adapter = platform === 'fastify' ? new FastifyAdapter() : new ExpressAdapter();
  const app = await NestFactory.create(AppModule, adapter, { logger: false });
  await tracing(app); // the one line: SERVER spans, and Nest's exceptions recorded on them
  app.setGlobalPrefix('api');
  return app;
}
