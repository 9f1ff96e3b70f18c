/**
 * The Node.js options the API and the projector run with, wherever they run (`npm start`, `npm run projections`,
 * the image, compose, the bench). A young generation of 64 MB semi-spaces: at a few hundred requests in flight,
 * the default's frequent scavenges promoted their objects to the old generation, and garbage collection took
 * about a seventh of a command's CPU (a profile of the http bench).
 */
export const SERVICE_NODE_FLAGS = ['--max-semi-space-size=64'] as const;
