import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import type { TransitionField, TransitionFieldValues, TransitionOption } from '../../shared/transitions';
import { textToAdf, textToWiki } from './markup';
import { toTransitionOptions, transitionRequestBody, transitionsSchema } from './transition-fields';

const CF = 'com.atlassian.jira.plugin.system.customfieldtypes:';
const SELF = 'https://acme.atlassian.net/rest/api/3';

/** A Cloud-like answer of GET /rest/api/3/issue/{key}/transitions?expand=transitions.fields. */
const answer = {
  expand: 'transitions',
  transitions: [
    {
      id: '11',
      name: 'Start',
      to: { self: `${SELF}/status/3`, name: 'In Progress', id: '3', statusCategory: { id: 4, key: 'indeterminate', colorName: 'yellow' } },
      hasScreen: false,
      isGlobal: true,
      isAvailable: true,
      fields: {},
    },
    {
      id: 31,
      name: 'Resolve',
      to: { name: 'Done', statusCategory: { key: 'done' } },
      hasScreen: true,
      isConditional: false,
      fields: {
        comment: {
          required: false,
          schema: { type: 'comments-page', system: 'comment' },
          name: 'Comment',
          key: 'comment',
          operations: ['add', 'edit', 'remove'],
        },
        customfield_10050: {
          required: false,
          schema: { type: 'option', custom: `${CF}select`, customId: 10050 },
          name: 'Severity',
          key: 'customfield_10050',
          operations: ['set'],
          allowedValues: [
            { self: `${SELF}/customFieldOption/10100`, value: 'Low', id: '10100', disabled: false },
            { value: 'High', id: 10101 },
            { value: 'Retired', id: '10102', disabled: true },
            { value: 'no id' },
            'junk',
          ],
        },
        resolution: {
          required: true,
          schema: { type: 'resolution', system: 'resolution' },
          name: 'Resolution',
          key: 'resolution',
          operations: ['set'],
          allowedValues: [
            { self: `${SELF}/resolution/10000`, id: '10000', name: 'Done', description: 'Work is done.' },
            { id: '10001', name: "Won't Do" },
          ],
          hasDefaultValue: false,
        },
        fixVersions: {
          required: true,
          hasDefaultValue: true,
          schema: { type: 'array', items: 'version', system: 'fixVersions' },
          name: 'Fix versions',
          operations: ['set', 'add', 'remove'],
          allowedValues: [{ id: '20000', name: '1.0', archived: false }],
        },
        customfield_10060: {
          required: true,
          schema: { type: 'option-with-child', custom: `${CF}cascadingselect` },
          name: 'Area',
          operations: ['set'],
          allowedValues: [],
        },
      },
    },
    { id: '41', name: 'Hidden', to: { name: 'Closed', statusCategory: { key: 'done' } }, isAvailable: false, fields: {} },
    { id: '51', name: 'Reopen' },
    { name: 'no id' },
    { id: '61', name: 7 },
    null,
  ],
};

describe('toTransitionOptions', () => {
  it('maps available transitions, required fields first, odd parts dropped', () => {
    expect(toTransitionOptions(answer)).toEqual<TransitionOption[]>([
      { id: '11', name: 'Start', to: { name: 'In Progress', category: 'indeterminate' }, fields: [] },
      {
        id: '31',
        name: 'Resolve',
        to: { name: 'Done', category: 'done' },
        fields: [
          {
            id: 'resolution',
            name: 'Resolution',
            required: true,
            kind: 'resolution',
            hasDefault: false,
            allowedValues: [
              { id: '10000', name: 'Done' },
              { id: '10001', name: "Won't Do" },
            ],
          },
          { id: 'customfield_10060', name: 'Area', required: true, kind: 'unsupported', hasDefault: false },
          { id: 'comment', name: 'Comment', required: false, kind: 'comment', hasDefault: false },
          {
            id: 'customfield_10050',
            name: 'Severity',
            required: false,
            kind: 'select',
            hasDefault: false,
            allowedValues: [
              { id: '10100', name: 'Low' },
              { id: '10101', name: 'High' },
            ],
          },
          // Required by Jira, but Jira fills it in itself.
          {
            id: 'fixVersions',
            name: 'Fix versions',
            required: false,
            kind: 'multiselect',
            hasDefault: true,
            allowedValues: [{ id: '20000', name: '1.0' }],
          },
        ],
      },
      // No `to`, no fields: the transition's own name stands in for the status.
      { id: '51', name: 'Reopen', to: { name: 'Reopen', category: 'unknown' }, fields: [] },
    ]);
  });

  it.each<[string, Record<string, unknown>, TransitionField['kind']]>([
    ['resolution', { type: 'resolution', system: 'resolution' }, 'resolution'],
    ['priority', { type: 'priority', system: 'priority' }, 'select'],
    ['select list', { type: 'option', custom: `${CF}select` }, 'select'],
    ['radio buttons', { type: 'option', custom: `${CF}radiobuttons` }, 'select'],
    ['multi select', { type: 'array', items: 'option', custom: `${CF}multiselect` }, 'multiselect'],
    ['checkboxes', { type: 'array', items: 'option', custom: `${CF}multicheckboxes` }, 'multiselect'],
    ['versions', { type: 'array', items: 'version', system: 'fixVersions' }, 'multiselect'],
    ['components', { type: 'array', items: 'component', system: 'components' }, 'multiselect'],
    ['labels', { type: 'array', items: 'string', system: 'labels' }, 'unsupported'],
    ['multi user picker', { type: 'array', items: 'user', custom: `${CF}multiuserpicker` }, 'unsupported'],
    ['assignee', { type: 'user', system: 'assignee' }, 'user'],
    ['user picker', { type: 'user', custom: `${CF}userpicker` }, 'user'],
    ['text field', { type: 'string', custom: `${CF}textfield` }, 'text'],
    ['URL field', { type: 'string', custom: `${CF}url` }, 'text'],
    ['summary', { type: 'string', system: 'summary' }, 'text'],
    ['text area', { type: 'string', custom: `${CF}textarea` }, 'textarea'],
    ['description', { type: 'string', system: 'description' }, 'textarea'],
    ['environment', { type: 'string', system: 'environment' }, 'textarea'],
    ["another app's text type", { type: 'string', custom: 'com.example.plugin:richtext' }, 'unsupported'],
    ['number', { type: 'number', custom: `${CF}float` }, 'number'],
    ['date picker', { type: 'date', custom: `${CF}datepicker` }, 'date'],
    ['due date', { type: 'date', system: 'duedate' }, 'date'],
    ['date time', { type: 'datetime', custom: `${CF}datetime` }, 'unsupported'],
    ['comment', { type: 'comments-page', system: 'comment' }, 'comment'],
    ['cascading select', { type: 'option-with-child', custom: `${CF}cascadingselect` }, 'unsupported'],
    ['time tracking', { type: 'timetracking', system: 'timetracking' }, 'unsupported'],
    ['unknown type', { type: 'sd-customerrequesttype' }, 'unsupported'],
    ['no type', {}, 'unsupported'],
  ])('kind of %s', (_name, schema, kind) => {
    const allowedValues = [{ id: '1', name: 'One' }];
    const [option] = toTransitionOptions({
      transitions: [{ id: '1', name: 'T', fields: { f: { required: false, name: 'F', schema, operations: ['set'], allowedValues } } }],
    });
    expect(option!.fields[0]!.kind).toBe(kind);
    expect('allowedValues' in option!.fields[0]!).toBe(['resolution', 'select', 'multiselect'].includes(kind));
  });

  it.each<[string, Record<string, unknown>]>([
    ['a choice field whose choices Jira does not list', { schema: { type: 'option' }, operations: ['set'] }],
    ['a field that can only be added to', { schema: { type: 'array', items: 'worklog', system: 'worklog' }, operations: ['add'] }],
    ['a text field without set', { schema: { type: 'string', system: 'summary' }, operations: ['edit'] }],
    ['a malformed schema', { schema: 'string', operations: ['set'] }],
  ])('unsupported: %s', (_name, meta) => {
    const [option] = toTransitionOptions({ transitions: [{ id: '1', name: 'T', fields: { f: { required: true, name: 'F', ...meta } } }] });
    expect(option!.fields).toEqual([{ id: 'f', name: 'F', required: true, kind: 'unsupported', hasDefault: false }]);
  });

  it('is lenient with field metadata: missing name, odd flags, non-object entries', () => {
    const [option] = toTransitionOptions({
      transitions: [
        {
          id: '1',
          name: 'T',
          extra: { x: 1 },
          fields: {
            a: { required: 'yes', hasDefaultValue: 1, schema: { type: 'number' } },
            b: 'junk',
            c: null,
            d: { required: true, name: 'D', schema: { type: 'date' }, allowedValues: 'nope' },
          },
        },
      ],
    });
    expect(option!.fields).toEqual([
      { id: 'd', name: 'D', required: true, kind: 'date', hasDefault: false },
      { id: 'a', name: 'a', required: false, kind: 'number', hasDefault: false },
    ]);
  });

  it('the same schema parses the answer for the transport', () => {
    expect(transitionsSchema.safeParse(answer).success).toBe(true);
  });

  it.each([null, 'x', {}, { transitions: 'x' }, [answer]])('refuses an answer without a transitions list: %j', (bad) => {
    expect(() => toTransitionOptions(bad)).toThrow(AppError);
    expect(() => toTransitionOptions(bad)).toThrow(expect.objectContaining({ kind: 'invalid-response' }));
  });
});

describe('transitionRequestBody', () => {
  const field = (over: Partial<TransitionField> & Pick<TransitionField, 'id' | 'kind'>): TransitionField => ({
    name: over.id,
    required: false,
    hasDefault: false,
    ...over,
  });
  const option = (...fields: TransitionField[]): TransitionOption => ({
    id: '31',
    name: 'Resolve',
    to: { name: 'Done', category: 'done' },
    fields,
  });
  const choices = [
    { id: '1', name: 'Low' },
    { id: '2', name: 'High' },
    { id: '3', name: '1' },
  ];

  it('a transition without a screen sends only its id', () => {
    expect(transitionRequestBody(option(), {}, 'cloud')).toEqual({ transition: { id: '31' } });
  });

  it.each<[string, TransitionField, TransitionFieldValues[string], unknown, unknown]>([
    ['resolution', field({ id: 'resolution', kind: 'resolution', allowedValues: choices }), '2', { id: '2' }, { id: '2' }],
    ['resolution by name', field({ id: 'resolution', kind: 'resolution', allowedValues: choices }), 'High', { id: '2' }, { id: '2' }],
    ['select: ids win over names', field({ id: 'cf', kind: 'select', allowedValues: choices }), '1', { id: '1' }, { id: '1' }],
    [
      'multiselect, duplicates and blanks dropped',
      field({ id: 'cf', kind: 'multiselect', allowedValues: choices }),
      ['2', 'Low', '2', ' '],
      [{ id: '2' }, { id: '1' }],
      [{ id: '2' }, { id: '1' }],
    ],
    ['multiselect from one string', field({ id: 'cf', kind: 'multiselect', allowedValues: choices }), '1', [{ id: '1' }], [{ id: '1' }]],
    [
      'user',
      field({ id: 'assignee', kind: 'user' }),
      ' 5b10ac8d82e05b22cc7d4ef5 ',
      { accountId: '5b10ac8d82e05b22cc7d4ef5' },
      { name: '5b10ac8d82e05b22cc7d4ef5' },
    ],
    ['text, as typed', field({ id: 'summary', kind: 'text' }), ' Title *x* ', ' Title *x* ', ' Title *x* '],
    ['textarea', field({ id: 'cf', kind: 'textarea' }), 'a **b**\nc', textToAdf('a **b**\nc'), 'a **b**\nc'],
    ['number', field({ id: 'cf', kind: 'number' }), ' 2.5 ', 2.5, 2.5],
    ['negative and exponent numbers', field({ id: 'cf', kind: 'number' }), '-1e3', -1000, -1000],
    ['date', field({ id: 'duedate', kind: 'date' }), '2026-02-28', '2026-02-28', '2026-02-28'],
    ['leap day', field({ id: 'duedate', kind: 'date' }), ' 2028-02-29 ', '2028-02-29', '2028-02-29'],
  ])('%s: Cloud and Server/DC shapes', (_name, f, value, cloud, server) => {
    expect(transitionRequestBody(option(f), { [f.id]: value }, 'cloud')).toEqual({ transition: { id: '31' }, fields: { [f.id]: cloud } });
    expect(transitionRequestBody(option(f), { [f.id]: value }, 'server')).toEqual({ transition: { id: '31' }, fields: { [f.id]: server } });
  });

  it('the comment goes in update: ADF on Cloud, wiki markup on Server/DC', () => {
    const o = option(field({ id: 'comment', kind: 'comment' }), field({ id: 'resolution', kind: 'resolution', allowedValues: choices }));
    const values = { comment: 'Fixed in **1.2**, see [~admin]', resolution: '1' };
    expect(transitionRequestBody(o, values, 'cloud')).toEqual({
      transition: { id: '31' },
      fields: { resolution: { id: '1' } },
      update: { comment: [{ add: { body: textToAdf(values.comment) } }] },
    });
    expect(transitionRequestBody(o, values, 'server')).toEqual({
      transition: { id: '31' },
      fields: { resolution: { id: '1' } },
      update: { comment: [{ add: { body: 'Fixed in *1.2*, see \\[\\~admin\\]' } }] },
    });
  });

  it('markdown: false reaches the comment and Cloud textareas', () => {
    const o = option(field({ id: 'comment', kind: 'comment' }), field({ id: 'cf', kind: 'textarea' }));
    const body = transitionRequestBody(o, { comment: '**a**', cf: '_b_' }, 'cloud', { markdown: false });
    expect(body.update?.comment[0].add.body).toEqual(textToAdf('**a**', { markdown: false }));
    expect(body.fields?.cf).toEqual(textToAdf('_b_', { markdown: false }));
    expect(transitionRequestBody(o, { comment: '**a**' }, 'server', { markdown: false }).update?.comment[0].add.body).toBe(
      textToWiki('**a**', { markdown: false }),
    );
  });

  it.each<[string, TransitionFieldValues]>([
    ['absent', {}],
    ['null', { cf: null, comment: null }],
    ['empty string', { cf: '', comment: '' }],
    ['blank string', { cf: '  \n', comment: ' \t ' }],
    ['empty list', { cf: [], comment: [] }],
    ['list of blanks', { cf: ['', ' '] }],
  ])('optional fields left empty are left out: %s', (_name, values) => {
    const o = option(field({ id: 'cf', kind: 'select', allowedValues: choices }), field({ id: 'comment', kind: 'comment' }));
    expect(transitionRequestBody(o, values, 'cloud')).toEqual({ transition: { id: '31' } });
  });

  it('leaves out optional unsupported fields, fields not on the screen and inherited keys', () => {
    const o = option(field({ id: 'cf', kind: 'unsupported' }), field({ id: 'toString', kind: 'text' }));
    expect(transitionRequestBody(o, { cf: 'x', other: 'y', ['__proto__']: 'z' }, 'cloud')).toEqual({ transition: { id: '31' } });
  });

  it.each<[string, TransitionField, TransitionFieldValues, RegExp]>([
    [
      'a required field left empty',
      field({ id: 'resolution', name: 'Resolution', kind: 'resolution', required: true, allowedValues: choices }),
      { resolution: ' ' },
      /“Resolution” is required/,
    ],
    [
      'a required comment left empty',
      field({ id: 'comment', name: 'Comment', kind: 'comment', required: true }),
      {},
      /“Comment” is required/,
    ],
    [
      'a required field the popup cannot fill',
      field({ id: 'cf', name: 'Area', kind: 'unsupported', required: true }),
      { cf: 'x' },
      /“Area” cannot be filled in here/,
    ],
    [
      'a choice not offered',
      field({ id: 'cf', name: 'Severity', kind: 'select', allowedValues: choices }),
      { cf: '99' },
      /“99” is not a value “Severity” accepts/,
    ],
    [
      'a multiselect choice not offered',
      field({ id: 'cf', name: 'Fix versions', kind: 'multiselect', allowedValues: choices }),
      { cf: ['1', 'nope'] },
      /“nope” is not a value “Fix versions”/,
    ],
    [
      'a choice on a field with no choices',
      field({ id: 'cf', name: 'Severity', kind: 'select', allowedValues: [] }),
      { cf: '1' },
      /not a value/,
    ],
    [
      'several values for a one-value field',
      field({ id: 'cf', name: 'Severity', kind: 'select', allowedValues: choices }),
      { cf: ['1', '2'] },
      /takes one value/,
    ],
    ['not a number', field({ id: 'cf', name: 'Points', kind: 'number' }), { cf: 'three' }, /“Points” must be a number/],
    ['a decimal comma', field({ id: 'cf', name: 'Points', kind: 'number' }), { cf: '1,5' }, /must be a number/],
    ['NaN', field({ id: 'cf', name: 'Points', kind: 'number' }), { cf: 'NaN' }, /must be a number/],
    ['Infinity', field({ id: 'cf', name: 'Points', kind: 'number' }), { cf: 'Infinity' }, /must be a number/],
    ['too large', field({ id: 'cf', name: 'Points', kind: 'number' }), { cf: '1e999' }, /must be a number/],
    ['hex', field({ id: 'cf', name: 'Points', kind: 'number' }), { cf: '0x10' }, /must be a number/],
    [
      'a day that does not exist',
      field({ id: 'duedate', name: 'Due date', kind: 'date' }),
      { duedate: '2026-02-30' },
      /“Due date” must be a date, YYYY-MM-DD/,
    ],
    ['a short date', field({ id: 'duedate', name: 'Due date', kind: 'date' }), { duedate: '2026-1-5' }, /must be a date/],
    ['a local date', field({ id: 'duedate', name: 'Due date', kind: 'date' }), { duedate: '05/01/2026' }, /must be a date/],
    ['a date-time', field({ id: 'duedate', name: 'Due date', kind: 'date' }), { duedate: '2026-01-05T10:00:00Z' }, /must be a date/],
  ])('refuses %s, naming the field', (_name, f, values, message) => {
    const make = () => transitionRequestBody(option(f), values, 'cloud');
    expect(make).toThrow(message);
    expect(make).toThrow(expect.objectContaining({ kind: 'invalid-input', field: f.id }));
  });

  it('refuses before building anything when a later field is wrong', () => {
    const o = option(
      field({ id: 'summary', kind: 'text' }),
      field({ id: 'resolution', name: 'Resolution', kind: 'resolution', required: true, allowedValues: choices }),
    );
    expect(() => transitionRequestBody(o, { summary: 'x' }, 'server')).toThrow(expect.objectContaining({ field: 'resolution' }));
  });

  it('works on options built from a real answer', () => {
    const [, resolve] = toTransitionOptions(answer);
    const withoutArea = { ...resolve!, fields: resolve!.fields.filter((f) => f.id !== 'customfield_10060') };
    expect(() => transitionRequestBody(resolve!, { resolution: '10000' }, 'cloud')).toThrow(/“Area” cannot be filled in here/);
    expect(transitionRequestBody(withoutArea, { resolution: "Won't Do", customfield_10050: 'High', fixVersions: [] }, 'server')).toEqual({
      transition: { id: '31' },
      fields: { resolution: { id: '10001' }, customfield_10050: { id: '10101' } },
    });
  });
});
