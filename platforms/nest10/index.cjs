// NestJS 10's packages, as resolved from this package (see package.json).
module.exports = {
  common: require('@nestjs/common'),
  core: require('@nestjs/core'),
  platformExpress: require('@nestjs/platform-express'),
  platformFastify: require('@nestjs/platform-fastify'),
};
