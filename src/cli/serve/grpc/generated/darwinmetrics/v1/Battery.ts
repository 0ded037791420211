// Original file: proto/darwinmetrics/v1/metrics.proto

import type { BatteryState as _darwinmetrics_v1_BatteryState, BatteryState__Output as _darwinmetrics_v1_BatteryState__Output } from '../../darwinmetrics/v1/BatteryState';

export interface Battery {
  'id'?: (string);
  'percent'?: (number | string);
  'state'?: (_darwinmetrics_v1_BatteryState);
  'minutesToEmpty'?: (number | string);
  'minutesToFull'?: (number | string);
  'cycleCount'?: (number);
  'energyNowWh'?: (number | string);
  'energyFullWh'?: (number | string);
  'energyDesignWh'?: (number | string);
  'chargeNowAh'?: (number | string);
  'chargeFullAh'?: (number | string);
  'chargeDesignAh'?: (number | string);
  'voltageV'?: (number | string);
  'voltageMinDesignV'?: (number | string);
  'currentA'?: (number | string);
  'powerW'?: (number | string);
  'temperatureC'?: (number | string);
  /**
   * Full-charge capacity / design capacity.
   */
  'healthPercent'?: (number | string);
  'manufacturer'?: (string);
  'model'?: (string);
  'technology'?: (string);
  '_percent'?: "percent";
  '_minutesToEmpty'?: "minutesToEmpty";
  '_minutesToFull'?: "minutesToFull";
  '_cycleCount'?: "cycleCount";
  '_energyNowWh'?: "energyNowWh";
  '_energyFullWh'?: "energyFullWh";
  '_energyDesignWh'?: "energyDesignWh";
  '_chargeNowAh'?: "chargeNowAh";
  '_chargeFullAh'?: "chargeFullAh";
  '_chargeDesignAh'?: "chargeDesignAh";
  '_voltageV'?: "voltageV";
  '_voltageMinDesignV'?: "voltageMinDesignV";
  '_currentA'?: "currentA";
  '_powerW'?: "powerW";
  '_temperatureC'?: "temperatureC";
  '_healthPercent'?: "healthPercent";
  '_manufacturer'?: "manufacturer";
  '_model'?: "model";
  '_technology'?: "technology";
}

export interface Battery__Output {
  'id': (string);
  'percent'?: (number);
  'state': (_darwinmetrics_v1_BatteryState__Output);
  'minutesToEmpty'?: (number);
  'minutesToFull'?: (number);
  'cycleCount'?: (number);
  'energyNowWh'?: (number);
  'energyFullWh'?: (number);
  'energyDesignWh'?: (number);
  'chargeNowAh'?: (number);
  'chargeFullAh'?: (number);
  'chargeDesignAh'?: (number);
  'voltageV'?: (number);
  'voltageMinDesignV'?: (number);
  'currentA'?: (number);
  'powerW'?: (number);
  'temperatureC'?: (number);
  /**
   * Full-charge capacity / design capacity.
   */
  'healthPercent'?: (number);
  'manufacturer'?: (string);
  'model'?: (string);
  'technology'?: (string);
  '_percent'?: "percent";
  '_minutesToEmpty'?: "minutesToEmpty";
  '_minutesToFull'?: "minutesToFull";
  '_cycleCount'?: "cycleCount";
  '_energyNowWh'?: "energyNowWh";
  '_energyFullWh'?: "energyFullWh";
  '_energyDesignWh'?: "energyDesignWh";
  '_chargeNowAh'?: "chargeNowAh";
  '_chargeFullAh'?: "chargeFullAh";
  '_chargeDesignAh'?: "chargeDesignAh";
  '_voltageV'?: "voltageV";
  '_voltageMinDesignV'?: "voltageMinDesignV";
  '_currentA'?: "currentA";
  '_powerW'?: "powerW";
  '_temperatureC'?: "temperatureC";
  '_healthPercent'?: "healthPercent";
  '_manufacturer'?: "manufacturer";
  '_model'?: "model";
  '_technology'?: "technology";
}
