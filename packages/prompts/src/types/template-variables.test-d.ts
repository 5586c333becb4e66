import { describe, expectTypeOf, it } from 'vitest';
import type { AnyVars, EmptyVars, TemplateVars } from '@rivulet/prompts';

describe('TemplateVars of f-strings', () => {
  it('infers each variable once, as a string', () => {
    expectTypeOf<TemplateVars<'Tell me about {topic}'>>().toEqualTypeOf<{ topic: string }>();
    expectTypeOf<TemplateVars<'{a} and {b}, then {a} again'>>().toEqualTypeOf<{ a: string; b: string }>();
  });

  it('does not count escaped braces as variables', () => {
    expectTypeOf<TemplateVars<'{{not}} {{{yes}}} }}{also}{{'>>().toEqualTypeOf<{ yes: string; also: string }>();
    expectTypeOf<TemplateVars<'JSON: {{"key": "{value}"}}'>>().toEqualTypeOf<{ value: string }>();
  });

  it('gives EmptyVars without variables, accepting an empty object', () => {
    expectTypeOf<TemplateVars<'Hello'>>().toEqualTypeOf<EmptyVars>();
    expectTypeOf<TemplateVars<'{{only escapes}}'>>().toEqualTypeOf<EmptyVars>();
    expectTypeOf({}).toExtend<TemplateVars<'Hello'>>();
  });

  it('degrades to AnyVars for a template typed as string', () => {
    expectTypeOf<TemplateVars<string>>().toEqualTypeOf<AnyVars>();
    expectTypeOf<AnyVars>().toEqualTypeOf<Record<string, unknown>>();
  });
});

describe('TemplateVars of mustache templates', () => {
  it('reads {{name}}, spaces and dotted names, and skips comments', () => {
    expectTypeOf<TemplateVars<'Hi {{ name }}, {{user.id}} {{user.role}} {{! {{not}} }}', 'mustache'>>().toEqualTypeOf<{
      name: string;
      user: { id: string; role: string };
    }>();
    expectTypeOf<TemplateVars<'single {braces} only', 'mustache'>>().toEqualTypeOf<EmptyVars>();
  });

  it('types a section by what its body reads', () => {
    type Item = { title: string; meta: { id: string } };
    expectTypeOf<TemplateVars<'{{#items}}{{title}} {{meta.id}}{{/items}}', 'mustache'>>().toEqualTypeOf<{
      items: Item | readonly Item[] | boolean | null;
    }>();
    expectTypeOf<TemplateVars<'{{#tags}}{{.}}, {{/tags}}', 'mustache'>>().toEqualTypeOf<{
      tags: string | readonly string[] | boolean | null;
    }>();
    expectTypeOf<TemplateVars<'{{#show}}Hello{{/show}}', 'mustache'>>().toEqualTypeOf<{ show: unknown }>();
  });

  it('keeps the names of an inverted section in the outer scope', () => {
    expectTypeOf<TemplateVars<'{{#items}}{{.}}{{/items}}{{^items}}None for {{user}}{{/items}}', 'mustache'>>().toEqualTypeOf<{
      items: string | readonly string[] | boolean | null;
      user: string;
    }>();
  });

  it('nests sections', () => {
    type Inner = { c: string } | readonly { c: string }[] | boolean | null;
    expectTypeOf<TemplateVars<'{{#a}}{{#b}}{{c}}{{/b}}{{/a}}', 'mustache'>>().toEqualTypeOf<{
      a: { b: Inner } | readonly { b: Inner }[] | boolean | null;
    }>();
  });
});

describe('very large templates', () => {
  it('fall back to AnyVars instead of a compile error', () => {
    type Repeat<S extends string, N extends number, Acc extends string = '', C extends 0[] = []> = C['length'] extends N
      ? Acc
      : Repeat<S, N, `${Acc}${S}`, [...C, 0]>;
    expectTypeOf<TemplateVars<Repeat<'{a}', 100>>>().toEqualTypeOf<{ a: string }>();
    expectTypeOf<TemplateVars<Repeat<'{a}{{', 300>>>().toEqualTypeOf<AnyVars>();
    expectTypeOf<TemplateVars<Repeat<'{{a}}', 400>, 'mustache'>>().toEqualTypeOf<AnyVars>();
  });
});
