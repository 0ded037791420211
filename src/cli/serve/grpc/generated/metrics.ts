import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { Adapter as _darwinmetrics_v1_Adapter, Adapter__Output as _darwinmetrics_v1_Adapter__Output } from './darwinmetrics/v1/Adapter';
import type { Address as _darwinmetrics_v1_Address, Address__Output as _darwinmetrics_v1_Address__Output } from './darwinmetrics/v1/Address';
import type { Battery as _darwinmetrics_v1_Battery, Battery__Output as _darwinmetrics_v1_Battery__Output } from './darwinmetrics/v1/Battery';
import type { Cluster as _darwinmetrics_v1_Cluster, Cluster__Output as _darwinmetrics_v1_Cluster__Output } from './darwinmetrics/v1/Cluster';
import type { Core as _darwinmetrics_v1_Core, Core__Output as _darwinmetrics_v1_Core__Output } from './darwinmetrics/v1/Core';
import type { Cpu as _darwinmetrics_v1_Cpu, Cpu__Output as _darwinmetrics_v1_Cpu__Output } from './darwinmetrics/v1/Cpu';
import type { CpuSeconds as _darwinmetrics_v1_CpuSeconds, CpuSeconds__Output as _darwinmetrics_v1_CpuSeconds__Output } from './darwinmetrics/v1/CpuSeconds';
import type { CpuUsage as _darwinmetrics_v1_CpuUsage, CpuUsage__Output as _darwinmetrics_v1_CpuUsage__Output } from './darwinmetrics/v1/CpuUsage';
import type { DiskIo as _darwinmetrics_v1_DiskIo, DiskIo__Output as _darwinmetrics_v1_DiskIo__Output } from './darwinmetrics/v1/DiskIo';
import type { Disks as _darwinmetrics_v1_Disks, Disks__Output as _darwinmetrics_v1_Disks__Output } from './darwinmetrics/v1/Disks';
import type { Fan as _darwinmetrics_v1_Fan, Fan__Output as _darwinmetrics_v1_Fan__Output } from './darwinmetrics/v1/Fan';
import type { Fans as _darwinmetrics_v1_Fans, Fans__Output as _darwinmetrics_v1_Fans__Output } from './darwinmetrics/v1/Fans';
import type { GetHistoryRequest as _darwinmetrics_v1_GetHistoryRequest, GetHistoryRequest__Output as _darwinmetrics_v1_GetHistoryRequest__Output } from './darwinmetrics/v1/GetHistoryRequest';
import type { GetHistoryResponse as _darwinmetrics_v1_GetHistoryResponse, GetHistoryResponse__Output as _darwinmetrics_v1_GetHistoryResponse__Output } from './darwinmetrics/v1/GetHistoryResponse';
import type { GetSnapshotRequest as _darwinmetrics_v1_GetSnapshotRequest, GetSnapshotRequest__Output as _darwinmetrics_v1_GetSnapshotRequest__Output } from './darwinmetrics/v1/GetSnapshotRequest';
import type { Gpu as _darwinmetrics_v1_Gpu, Gpu__Output as _darwinmetrics_v1_Gpu__Output } from './darwinmetrics/v1/Gpu';
import type { Gpus as _darwinmetrics_v1_Gpus, Gpus__Output as _darwinmetrics_v1_Gpus__Output } from './darwinmetrics/v1/Gpus';
import type { HistorySeries as _darwinmetrics_v1_HistorySeries, HistorySeries__Output as _darwinmetrics_v1_HistorySeries__Output } from './darwinmetrics/v1/HistorySeries';
import type { Host as _darwinmetrics_v1_Host, Host__Output as _darwinmetrics_v1_Host__Output } from './darwinmetrics/v1/Host';
import type { ListSensorsRequest as _darwinmetrics_v1_ListSensorsRequest, ListSensorsRequest__Output as _darwinmetrics_v1_ListSensorsRequest__Output } from './darwinmetrics/v1/ListSensorsRequest';
import type { ListSensorsResponse as _darwinmetrics_v1_ListSensorsResponse, ListSensorsResponse__Output as _darwinmetrics_v1_ListSensorsResponse__Output } from './darwinmetrics/v1/ListSensorsResponse';
import type { ListSeriesRequest as _darwinmetrics_v1_ListSeriesRequest, ListSeriesRequest__Output as _darwinmetrics_v1_ListSeriesRequest__Output } from './darwinmetrics/v1/ListSeriesRequest';
import type { ListSeriesResponse as _darwinmetrics_v1_ListSeriesResponse, ListSeriesResponse__Output as _darwinmetrics_v1_ListSeriesResponse__Output } from './darwinmetrics/v1/ListSeriesResponse';
import type { Memory as _darwinmetrics_v1_Memory, Memory__Output as _darwinmetrics_v1_Memory__Output } from './darwinmetrics/v1/Memory';
import type { MetricsServiceClient as _darwinmetrics_v1_MetricsServiceClient, MetricsServiceDefinition as _darwinmetrics_v1_MetricsServiceDefinition } from './darwinmetrics/v1/MetricsService';
import type { Mount as _darwinmetrics_v1_Mount, Mount__Output as _darwinmetrics_v1_Mount__Output } from './darwinmetrics/v1/Mount';
import type { Network as _darwinmetrics_v1_Network, Network__Output as _darwinmetrics_v1_Network__Output } from './darwinmetrics/v1/Network';
import type { NetworkInterface as _darwinmetrics_v1_NetworkInterface, NetworkInterface__Output as _darwinmetrics_v1_NetworkInterface__Output } from './darwinmetrics/v1/NetworkInterface';
import type { PerfLevel as _darwinmetrics_v1_PerfLevel, PerfLevel__Output as _darwinmetrics_v1_PerfLevel__Output } from './darwinmetrics/v1/PerfLevel';
import type { Power as _darwinmetrics_v1_Power, Power__Output as _darwinmetrics_v1_Power__Output } from './darwinmetrics/v1/Power';
import type { Process as _darwinmetrics_v1_Process, Process__Output as _darwinmetrics_v1_Process__Output } from './darwinmetrics/v1/Process';
import type { ProcessGpu as _darwinmetrics_v1_ProcessGpu, ProcessGpu__Output as _darwinmetrics_v1_ProcessGpu__Output } from './darwinmetrics/v1/ProcessGpu';
import type { ProcessIo as _darwinmetrics_v1_ProcessIo, ProcessIo__Output as _darwinmetrics_v1_ProcessIo__Output } from './darwinmetrics/v1/ProcessIo';
import type { Processes as _darwinmetrics_v1_Processes, Processes__Output as _darwinmetrics_v1_Processes__Output } from './darwinmetrics/v1/Processes';
import type { Psi as _darwinmetrics_v1_Psi, Psi__Output as _darwinmetrics_v1_Psi__Output } from './darwinmetrics/v1/Psi';
import type { PsiLine as _darwinmetrics_v1_PsiLine, PsiLine__Output as _darwinmetrics_v1_PsiLine__Output } from './darwinmetrics/v1/PsiLine';
import type { Rail as _darwinmetrics_v1_Rail, Rail__Output as _darwinmetrics_v1_Rail__Output } from './darwinmetrics/v1/Rail';
import type { Rails as _darwinmetrics_v1_Rails, Rails__Output as _darwinmetrics_v1_Rails__Output } from './darwinmetrics/v1/Rails';
import type { Sample as _darwinmetrics_v1_Sample, Sample__Output as _darwinmetrics_v1_Sample__Output } from './darwinmetrics/v1/Sample';
import type { SectionError as _darwinmetrics_v1_SectionError, SectionError__Output as _darwinmetrics_v1_SectionError__Output } from './darwinmetrics/v1/SectionError';
import type { SeriesInfo as _darwinmetrics_v1_SeriesInfo, SeriesInfo__Output as _darwinmetrics_v1_SeriesInfo__Output } from './darwinmetrics/v1/SeriesInfo';
import type { StreamSamplesRequest as _darwinmetrics_v1_StreamSamplesRequest, StreamSamplesRequest__Output as _darwinmetrics_v1_StreamSamplesRequest__Output } from './darwinmetrics/v1/StreamSamplesRequest';
import type { TemperatureSensor as _darwinmetrics_v1_TemperatureSensor, TemperatureSensor__Output as _darwinmetrics_v1_TemperatureSensor__Output } from './darwinmetrics/v1/TemperatureSensor';
import type { Thermal as _darwinmetrics_v1_Thermal, Thermal__Output as _darwinmetrics_v1_Thermal__Output } from './darwinmetrics/v1/Thermal';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  darwinmetrics: {
    v1: {
      Adapter: MessageTypeDefinition<_darwinmetrics_v1_Adapter, _darwinmetrics_v1_Adapter__Output>
      Address: MessageTypeDefinition<_darwinmetrics_v1_Address, _darwinmetrics_v1_Address__Output>
      Battery: MessageTypeDefinition<_darwinmetrics_v1_Battery, _darwinmetrics_v1_Battery__Output>
      BatteryState: EnumTypeDefinition
      Cluster: MessageTypeDefinition<_darwinmetrics_v1_Cluster, _darwinmetrics_v1_Cluster__Output>
      Core: MessageTypeDefinition<_darwinmetrics_v1_Core, _darwinmetrics_v1_Core__Output>
      Cpu: MessageTypeDefinition<_darwinmetrics_v1_Cpu, _darwinmetrics_v1_Cpu__Output>
      CpuSeconds: MessageTypeDefinition<_darwinmetrics_v1_CpuSeconds, _darwinmetrics_v1_CpuSeconds__Output>
      CpuUsage: MessageTypeDefinition<_darwinmetrics_v1_CpuUsage, _darwinmetrics_v1_CpuUsage__Output>
      DiskIo: MessageTypeDefinition<_darwinmetrics_v1_DiskIo, _darwinmetrics_v1_DiskIo__Output>
      Disks: MessageTypeDefinition<_darwinmetrics_v1_Disks, _darwinmetrics_v1_Disks__Output>
      ErrorReason: EnumTypeDefinition
      Fan: MessageTypeDefinition<_darwinmetrics_v1_Fan, _darwinmetrics_v1_Fan__Output>
      Fans: MessageTypeDefinition<_darwinmetrics_v1_Fans, _darwinmetrics_v1_Fans__Output>
      GetHistoryRequest: MessageTypeDefinition<_darwinmetrics_v1_GetHistoryRequest, _darwinmetrics_v1_GetHistoryRequest__Output>
      GetHistoryResponse: MessageTypeDefinition<_darwinmetrics_v1_GetHistoryResponse, _darwinmetrics_v1_GetHistoryResponse__Output>
      GetSnapshotRequest: MessageTypeDefinition<_darwinmetrics_v1_GetSnapshotRequest, _darwinmetrics_v1_GetSnapshotRequest__Output>
      Gpu: MessageTypeDefinition<_darwinmetrics_v1_Gpu, _darwinmetrics_v1_Gpu__Output>
      Gpus: MessageTypeDefinition<_darwinmetrics_v1_Gpus, _darwinmetrics_v1_Gpus__Output>
      HistoryRange: EnumTypeDefinition
      HistorySeries: MessageTypeDefinition<_darwinmetrics_v1_HistorySeries, _darwinmetrics_v1_HistorySeries__Output>
      Host: MessageTypeDefinition<_darwinmetrics_v1_Host, _darwinmetrics_v1_Host__Output>
      InterfaceKind: EnumTypeDefinition
      ListSensorsRequest: MessageTypeDefinition<_darwinmetrics_v1_ListSensorsRequest, _darwinmetrics_v1_ListSensorsRequest__Output>
      ListSensorsResponse: MessageTypeDefinition<_darwinmetrics_v1_ListSensorsResponse, _darwinmetrics_v1_ListSensorsResponse__Output>
      ListSeriesRequest: MessageTypeDefinition<_darwinmetrics_v1_ListSeriesRequest, _darwinmetrics_v1_ListSeriesRequest__Output>
      ListSeriesResponse: MessageTypeDefinition<_darwinmetrics_v1_ListSeriesResponse, _darwinmetrics_v1_ListSeriesResponse__Output>
      Memory: MessageTypeDefinition<_darwinmetrics_v1_Memory, _darwinmetrics_v1_Memory__Output>
      MemoryPressure: EnumTypeDefinition
      MetricsService: SubtypeConstructor<typeof grpc.Client, _darwinmetrics_v1_MetricsServiceClient> & { service: _darwinmetrics_v1_MetricsServiceDefinition }
      Mount: MessageTypeDefinition<_darwinmetrics_v1_Mount, _darwinmetrics_v1_Mount__Output>
      Network: MessageTypeDefinition<_darwinmetrics_v1_Network, _darwinmetrics_v1_Network__Output>
      NetworkInterface: MessageTypeDefinition<_darwinmetrics_v1_NetworkInterface, _darwinmetrics_v1_NetworkInterface__Output>
      PerfLevel: MessageTypeDefinition<_darwinmetrics_v1_PerfLevel, _darwinmetrics_v1_PerfLevel__Output>
      Platform: EnumTypeDefinition
      Power: MessageTypeDefinition<_darwinmetrics_v1_Power, _darwinmetrics_v1_Power__Output>
      PowerSource: EnumTypeDefinition
      Process: MessageTypeDefinition<_darwinmetrics_v1_Process, _darwinmetrics_v1_Process__Output>
      ProcessGpu: MessageTypeDefinition<_darwinmetrics_v1_ProcessGpu, _darwinmetrics_v1_ProcessGpu__Output>
      ProcessIo: MessageTypeDefinition<_darwinmetrics_v1_ProcessIo, _darwinmetrics_v1_ProcessIo__Output>
      Processes: MessageTypeDefinition<_darwinmetrics_v1_Processes, _darwinmetrics_v1_Processes__Output>
      Psi: MessageTypeDefinition<_darwinmetrics_v1_Psi, _darwinmetrics_v1_Psi__Output>
      PsiLine: MessageTypeDefinition<_darwinmetrics_v1_PsiLine, _darwinmetrics_v1_PsiLine__Output>
      Rail: MessageTypeDefinition<_darwinmetrics_v1_Rail, _darwinmetrics_v1_Rail__Output>
      Rails: MessageTypeDefinition<_darwinmetrics_v1_Rails, _darwinmetrics_v1_Rails__Output>
      Sample: MessageTypeDefinition<_darwinmetrics_v1_Sample, _darwinmetrics_v1_Sample__Output>
      Section: EnumTypeDefinition
      SectionError: MessageTypeDefinition<_darwinmetrics_v1_SectionError, _darwinmetrics_v1_SectionError__Output>
      SensorGroup: EnumTypeDefinition
      SeriesInfo: MessageTypeDefinition<_darwinmetrics_v1_SeriesInfo, _darwinmetrics_v1_SeriesInfo__Output>
      StreamSamplesRequest: MessageTypeDefinition<_darwinmetrics_v1_StreamSamplesRequest, _darwinmetrics_v1_StreamSamplesRequest__Output>
      TemperatureSensor: MessageTypeDefinition<_darwinmetrics_v1_TemperatureSensor, _darwinmetrics_v1_TemperatureSensor__Output>
      Thermal: MessageTypeDefinition<_darwinmetrics_v1_Thermal, _darwinmetrics_v1_Thermal__Output>
      ThermalPressure: EnumTypeDefinition
    }
  }
}

