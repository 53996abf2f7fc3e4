// The other half of the deliberate cycle: a dynamic import() counts as much as a static one.
export const b = 'b';

export async function later(): Promise<string> {
  const { a } = await import('./a');
  return a();
}
