// Original file: proto/darwinmetrics/v1/metrics.proto


export interface ListSeriesRequest {
}

export interface ListSeriesRequest__Output {
}
