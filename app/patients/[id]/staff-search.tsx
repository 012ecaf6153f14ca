import { Button } from 'nhsuk-react-components';
import { FilterField } from '../../components/filter-field';

/**
 * A small search for one member of staff (a colleague to add, someone to hand over to): a GET form
 * whose matches, the first 20 by name, the form below it offers to choose from. Works without
 * JavaScript and by keyboard; never sends the page every member of staff in the system.
 */
export function StaffSearch({
  action,
  name,
  label,
  hint,
  search,
  found,
  what,
}: {
  action: string;
  /** The query parameter, also the input's id. */
  name: string;
  label: string;
  hint: string;
  search: string;
  found: { matches: unknown[]; more: boolean };
  /** What is being looked for, in words, one and many (["colleague", "colleagues"]). */
  what: [string, string];
}) {
  const count = found.matches.length;
  const [one, many] = what;
  return (
    <>
      <form method="get" action={action} className="carenav-filters nhsuk-u-margin-top-0">
        <FilterField id={name} label={label}>
          <div className="nhsuk-hint" id={`${name}-hint`}>
            {hint}
          </div>
          <input
            className="nhsuk-input nhsuk-input--width-20"
            id={name}
            name={name}
            defaultValue={search}
            aria-describedby={`${name}-hint`}
          />
        </FilterField>
        <Button type="submit" secondary>
          Search
        </Button>
      </form>
      {search && (
        <p role="status" className="nhsuk-body-s">
          {search.replace(/[^\p{L}\p{N}]/gu, '').length < 2
            ? 'Type at least 2 letters of their name.'
            : count === 0
              ? `No ${one} matches “${search}”. Check the spelling, or try part of their name or organisation.`
              : found.more
                ? `The first ${numberWords(count)} ${many} matching “${search}”, by name. Type more of the name to narrow it.`
                : `${capitalise(numberWords(count))} ${count === 1 ? one : many} matching “${search}”.`}
        </p>
      )}
    </>
  );
}

const WORDS = [
  'no',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
];
const numberWords = (n: number) => WORDS[n] ?? String(n);
const capitalise = (s: string) => s[0]!.toUpperCase() + s.slice(1);
