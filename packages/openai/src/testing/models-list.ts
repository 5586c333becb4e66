/** The model a reply names when neither the reply nor the request does. */
export const defaultMockModel = 'mock-model';

/** The body of `GET /v1/models`: a small list in OpenAI's shape. */
export function modelsList(): object {
  const model = (id: string) => ({ id, object: 'model', created: 1_700_000_000, owned_by: 'rivulet-mock' });
  return { object: 'list', data: [model(defaultMockModel), model('mock-reasoning-model')] };
}
