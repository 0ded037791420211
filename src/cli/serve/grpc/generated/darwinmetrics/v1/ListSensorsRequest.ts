// Original file: proto/darwinmetrics/v1/metrics.proto


export interface ListSensorsRequest {
}

export interface ListSensorsRequest__Output {
}
