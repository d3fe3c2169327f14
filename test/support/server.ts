/**
 * Which S3 server the end-to-end suite runs against. Some tests pin what moto does where S3
 * servers differ (echoed flexible checksums, error texts, accepting any access key); against
 * another endpoint (S3API_TEST_ENDPOINT) they are skipped, each with the reason next to it.
 */
export const ON_MOTO = !process.env.S3API_TEST_ENDPOINT;
