// Original file: proto/darwinmetrics/v1/metrics.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { GetHistoryRequest as _darwinmetrics_v1_GetHistoryRequest, GetHistoryRequest__Output as _darwinmetrics_v1_GetHistoryRequest__Output } from '../../darwinmetrics/v1/GetHistoryRequest';
import type { GetHistoryResponse as _darwinmetrics_v1_GetHistoryResponse, GetHistoryResponse__Output as _darwinmetrics_v1_GetHistoryResponse__Output } from '../../darwinmetrics/v1/GetHistoryResponse';
import type { GetSnapshotRequest as _darwinmetrics_v1_GetSnapshotRequest, GetSnapshotRequest__Output as _darwinmetrics_v1_GetSnapshotRequest__Output } from '../../darwinmetrics/v1/GetSnapshotRequest';
import type { ListSensorsRequest as _darwinmetrics_v1_ListSensorsRequest, ListSensorsRequest__Output as _darwinmetrics_v1_ListSensorsRequest__Output } from '../../darwinmetrics/v1/ListSensorsRequest';
import type { ListSensorsResponse as _darwinmetrics_v1_ListSensorsResponse, ListSensorsResponse__Output as _darwinmetrics_v1_ListSensorsResponse__Output } from '../../darwinmetrics/v1/ListSensorsResponse';
import type { ListSeriesRequest as _darwinmetrics_v1_ListSeriesRequest, ListSeriesRequest__Output as _darwinmetrics_v1_ListSeriesRequest__Output } from '../../darwinmetrics/v1/ListSeriesRequest';
import type { ListSeriesResponse as _darwinmetrics_v1_ListSeriesResponse, ListSeriesResponse__Output as _darwinmetrics_v1_ListSeriesResponse__Output } from '../../darwinmetrics/v1/ListSeriesResponse';
import type { Sample as _darwinmetrics_v1_Sample, Sample__Output as _darwinmetrics_v1_Sample__Output } from '../../darwinmetrics/v1/Sample';
import type { StreamSamplesRequest as _darwinmetrics_v1_StreamSamplesRequest, StreamSamplesRequest__Output as _darwinmetrics_v1_StreamSamplesRequest__Output } from '../../darwinmetrics/v1/StreamSamplesRequest';

export interface MetricsServiceClient extends grpc.Client {
  /**
   * History of the given series over a range, decimated to at most max_points points per series.
   */
  GetHistory(argument: _darwinmetrics_v1_GetHistoryRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_darwinmetrics_v1_GetHistoryResponse__Output>): grpc.ClientUnaryCall;
  GetHistory(argument: _darwinmetrics_v1_GetHistoryRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_darwinmetrics_v1_GetHistoryResponse__Output>): grpc.ClientUnaryCall;
  GetHistory(argument: _darwinmetrics_v1_GetHistoryRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_darwinmetrics_v1_GetHistoryResponse__Output>): grpc.ClientUnaryCall;
  GetHistory(argument: _darwinmetrics_v1_GetHistoryRequest, callback: grpc.requestCallback<_darwinmetrics_v1_GetHistoryResponse__Output>): grpc.ClientUnaryCall;
  /**
   * History of the given series over a range, decimated to at most max_points points per series.
   */
  getHistory(argument: _darwinmetrics_v1_GetHistoryRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_darwinmetrics_v1_GetHistoryResponse__Output>): grpc.ClientUnaryCall;
  getHistory(argument: _darwinmetrics_v1_GetHistoryRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_darwinmetrics_v1_GetHistoryResponse__Output>): grpc.ClientUnaryCall;
  getHistory(argument: _darwinmetrics_v1_GetHistoryRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_darwinmetrics_v1_GetHistoryResponse__Output>): grpc.ClientUnaryCall;
  getHistory(argument: _darwinmetrics_v1_GetHistoryRequest, callback: grpc.requestCallback<_darwinmetrics_v1_GetHistoryResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * One sample of the given sections (empty: every section). Served from the newest sample when it
   * holds them all, otherwise from the next tick of the server's poller.
   */
  GetSnapshot(argument: _darwinmetrics_v1_GetSnapshotRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_darwinmetrics_v1_Sample__Output>): grpc.ClientUnaryCall;
  GetSnapshot(argument: _darwinmetrics_v1_GetSnapshotRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_darwinmetrics_v1_Sample__Output>): grpc.ClientUnaryCall;
  GetSnapshot(argument: _darwinmetrics_v1_GetSnapshotRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_darwinmetrics_v1_Sample__Output>): grpc.ClientUnaryCall;
  GetSnapshot(argument: _darwinmetrics_v1_GetSnapshotRequest, callback: grpc.requestCallback<_darwinmetrics_v1_Sample__Output>): grpc.ClientUnaryCall;
  /**
   * One sample of the given sections (empty: every section). Served from the newest sample when it
   * holds them all, otherwise from the next tick of the server's poller.
   */
  getSnapshot(argument: _darwinmetrics_v1_GetSnapshotRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_darwinmetrics_v1_Sample__Output>): grpc.ClientUnaryCall;
  getSnapshot(argument: _darwinmetrics_v1_GetSnapshotRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_darwinmetrics_v1_Sample__Output>): grpc.ClientUnaryCall;
  getSnapshot(argument: _darwinmetrics_v1_GetSnapshotRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_darwinmetrics_v1_Sample__Output>): grpc.ClientUnaryCall;
  getSnapshot(argument: _darwinmetrics_v1_GetSnapshotRequest, callback: grpc.requestCallback<_darwinmetrics_v1_Sample__Output>): grpc.ClientUnaryCall;
  
  /**
   * Every temperature sensor and fan the machine reports, with its current reading.
   */
  ListSensors(argument: _darwinmetrics_v1_ListSensorsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_darwinmetrics_v1_ListSensorsResponse__Output>): grpc.ClientUnaryCall;
  ListSensors(argument: _darwinmetrics_v1_ListSensorsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_darwinmetrics_v1_ListSensorsResponse__Output>): grpc.ClientUnaryCall;
  ListSensors(argument: _darwinmetrics_v1_ListSensorsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_darwinmetrics_v1_ListSensorsResponse__Output>): grpc.ClientUnaryCall;
  ListSensors(argument: _darwinmetrics_v1_ListSensorsRequest, callback: grpc.requestCallback<_darwinmetrics_v1_ListSensorsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Every temperature sensor and fan the machine reports, with its current reading.
   */
  listSensors(argument: _darwinmetrics_v1_ListSensorsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_darwinmetrics_v1_ListSensorsResponse__Output>): grpc.ClientUnaryCall;
  listSensors(argument: _darwinmetrics_v1_ListSensorsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_darwinmetrics_v1_ListSensorsResponse__Output>): grpc.ClientUnaryCall;
  listSensors(argument: _darwinmetrics_v1_ListSensorsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_darwinmetrics_v1_ListSensorsResponse__Output>): grpc.ClientUnaryCall;
  listSensors(argument: _darwinmetrics_v1_ListSensorsRequest, callback: grpc.requestCallback<_darwinmetrics_v1_ListSensorsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Every series the history records, with label and unit.
   */
  ListSeries(argument: _darwinmetrics_v1_ListSeriesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_darwinmetrics_v1_ListSeriesResponse__Output>): grpc.ClientUnaryCall;
  ListSeries(argument: _darwinmetrics_v1_ListSeriesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_darwinmetrics_v1_ListSeriesResponse__Output>): grpc.ClientUnaryCall;
  ListSeries(argument: _darwinmetrics_v1_ListSeriesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_darwinmetrics_v1_ListSeriesResponse__Output>): grpc.ClientUnaryCall;
  ListSeries(argument: _darwinmetrics_v1_ListSeriesRequest, callback: grpc.requestCallback<_darwinmetrics_v1_ListSeriesResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Every series the history records, with label and unit.
   */
  listSeries(argument: _darwinmetrics_v1_ListSeriesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_darwinmetrics_v1_ListSeriesResponse__Output>): grpc.ClientUnaryCall;
  listSeries(argument: _darwinmetrics_v1_ListSeriesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_darwinmetrics_v1_ListSeriesResponse__Output>): grpc.ClientUnaryCall;
  listSeries(argument: _darwinmetrics_v1_ListSeriesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_darwinmetrics_v1_ListSeriesResponse__Output>): grpc.ClientUnaryCall;
  listSeries(argument: _darwinmetrics_v1_ListSeriesRequest, callback: grpc.requestCallback<_darwinmetrics_v1_ListSeriesResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Samples of the given sections every interval_ms (rounded to the server's sampling grid) until
   * the client cancels or its deadline passes. A client that cannot keep up gets the newest sample
   * next: older ones are dropped, never queued.
   */
  StreamSamples(argument: _darwinmetrics_v1_StreamSamplesRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_darwinmetrics_v1_Sample__Output>;
  StreamSamples(argument: _darwinmetrics_v1_StreamSamplesRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_darwinmetrics_v1_Sample__Output>;
  /**
   * Samples of the given sections every interval_ms (rounded to the server's sampling grid) until
   * the client cancels or its deadline passes. A client that cannot keep up gets the newest sample
   * next: older ones are dropped, never queued.
   */
  streamSamples(argument: _darwinmetrics_v1_StreamSamplesRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_darwinmetrics_v1_Sample__Output>;
  streamSamples(argument: _darwinmetrics_v1_StreamSamplesRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_darwinmetrics_v1_Sample__Output>;
  
}

export interface MetricsServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * History of the given series over a range, decimated to at most max_points points per series.
   */
  GetHistory: grpc.handleUnaryCall<_darwinmetrics_v1_GetHistoryRequest__Output, _darwinmetrics_v1_GetHistoryResponse>;
  
  /**
   * One sample of the given sections (empty: every section). Served from the newest sample when it
   * holds them all, otherwise from the next tick of the server's poller.
   */
  GetSnapshot: grpc.handleUnaryCall<_darwinmetrics_v1_GetSnapshotRequest__Output, _darwinmetrics_v1_Sample>;
  
  /**
   * Every temperature sensor and fan the machine reports, with its current reading.
   */
  ListSensors: grpc.handleUnaryCall<_darwinmetrics_v1_ListSensorsRequest__Output, _darwinmetrics_v1_ListSensorsResponse>;
  
  /**
   * Every series the history records, with label and unit.
   */
  ListSeries: grpc.handleUnaryCall<_darwinmetrics_v1_ListSeriesRequest__Output, _darwinmetrics_v1_ListSeriesResponse>;
  
  /**
   * Samples of the given sections every interval_ms (rounded to the server's sampling grid) until
   * the client cancels or its deadline passes. A client that cannot keep up gets the newest sample
   * next: older ones are dropped, never queued.
   */
  StreamSamples: grpc.handleServerStreamingCall<_darwinmetrics_v1_StreamSamplesRequest__Output, _darwinmetrics_v1_Sample>;
  
}

export interface MetricsServiceDefinition extends grpc.ServiceDefinition {
  GetHistory: MethodDefinition<_darwinmetrics_v1_GetHistoryRequest, _darwinmetrics_v1_GetHistoryResponse, _darwinmetrics_v1_GetHistoryRequest__Output, _darwinmetrics_v1_GetHistoryResponse__Output>
  GetSnapshot: MethodDefinition<_darwinmetrics_v1_GetSnapshotRequest, _darwinmetrics_v1_Sample, _darwinmetrics_v1_GetSnapshotRequest__Output, _darwinmetrics_v1_Sample__Output>
  ListSensors: MethodDefinition<_darwinmetrics_v1_ListSensorsRequest, _darwinmetrics_v1_ListSensorsResponse, _darwinmetrics_v1_ListSensorsRequest__Output, _darwinmetrics_v1_ListSensorsResponse__Output>
  ListSeries: MethodDefinition<_darwinmetrics_v1_ListSeriesRequest, _darwinmetrics_v1_ListSeriesResponse, _darwinmetrics_v1_ListSeriesRequest__Output, _darwinmetrics_v1_ListSeriesResponse__Output>
  StreamSamples: MethodDefinition<_darwinmetrics_v1_StreamSamplesRequest, _darwinmetrics_v1_Sample, _darwinmetrics_v1_StreamSamplesRequest__Output, _darwinmetrics_v1_Sample__Output>
}
