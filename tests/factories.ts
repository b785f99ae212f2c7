/**
 * Test data: users per role, and lägesbild data that builds its own parents
 * (`make.response({ county: '03', status: 'submitted', pictureSubmitted: true })`).
 */
export { createTestUser, TEST_PASSWORD, uniqueEmail, type TestUser } from './factories/users.ts';
export {
  completeAnswers,
  datesOf,
  factories,
  type Factories,
  type MadeQuestionnaire,
  type MadeResponse,
  type MadeRound,
  type ResponseOptions,
  type ResponseStatus,
  type RoundOptions,
  type Window,
} from './factories/lagesbild.ts';
