// The setting behind the "too few cases to rate with confidence" flag: the fewest cases a standard may be
// rated from before the flag shows beside its rating.
import { DEFAULT_MINIMUM_CASES } from '#shared/scoring';
import { checkMinimumCases, MAXIMUM_MINIMUM_CASES, saveMinimumCases, useMinimumCases } from '../../db';
import { NumberSetting } from '../../ui/NumberSetting';

export function MinimumCasesSetting() {
  return (
    <NumberSetting
      id="minimum-heading"
      title="Too few cases"
      label="Fewest cases to rate a standard with confidence"
      hint="A standard rated from fewer cases keeps its rating but is flagged “too few cases to rate with confidence” wherever it shows."
      max={MAXIMUM_MINIMUM_CASES}
      stored={useMinimumCases()}
      fallback={DEFAULT_MINIMUM_CASES}
      button="Save minimum"
      check={checkMinimumCases}
      save={saveMinimumCases}
      said={(minimum) => `A standard rated from fewer than ${minimum} cases is now flagged.`}
    />
  );
}
