import { useId } from 'react';
import classes from './choice-group.module.css';

interface Choice<V extends string> {
  value: V;
  label: string;
}

interface ChoiceGroupProps<V extends string> {
  /** The id of the visible label of the group. */
  'aria-labelledby': string;
  value: V;
  data: readonly Choice<V>[];
  onChange: (value: V) => void;
}

/**
 * One of a few options, as a row of segments: native radio buttons (arrow keys move the choice,
 * the labels are the click targets). Replaces Mantine's SegmentedControl, whose moving indicator
 * measures every option and forces synchronous layouts each time the page renders.
 */
export function ChoiceGroup<V extends string>({
  'aria-labelledby': labelledBy,
  value,
  data,
  onChange,
}: ChoiceGroupProps<V>) {
  const name = useId();
  return (
    <div role="radiogroup" aria-labelledby={labelledBy} className={classes.root}>
      {data.map((choice) => {
        const id = `${name}-${choice.value}`;
        return (
          <span key={choice.value} className={classes.option}>
            <input
              type="radio"
              className={classes.input}
              id={id}
              name={name}
              value={choice.value}
              checked={choice.value === value}
              onChange={() => onChange(choice.value)}
            />
            <label htmlFor={id} className={classes.label}>
              {choice.label}
            </label>
          </span>
        );
      })}
    </div>
  );
}
