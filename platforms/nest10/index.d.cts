export declare const common: typeof import('@nestjs/common');
export declare const core: typeof import('@nestjs/core');
export declare const platformExpress: typeof import('@nestjs/platform-express');
export declare const platformFastify: typeof import('@nestjs/platform-fastify');
export type NestFastifyApplication = import('@nestjs/platform-fastify').NestFastifyApplication;
