{
  "targets": [
    {
      "target_name": "darwinmetrics",
      "sources": [
        "native/src/addon.cc",
        "native/src/raw.cc",
        "native/src/sampler.cc",
        "native/src/to_js.cc",
        "native/src/utf8.cc"
      ],
      "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")"],
      "defines": ["NAPI_VERSION=8", "NODE_ADDON_API_DISABLE_DEPRECATED", "NAPI_CPP_EXCEPTIONS"],
      "cflags!": ["-fno-exceptions"],
      "cflags_cc!": ["-fno-exceptions"],
      "cflags_cc": ["-std=c++17", "-fvisibility=hidden", "-Wall", "-Wextra"],
      "conditions": [
        [
          "OS=='linux'",
          {
            "sources": [
              "native/src/linux/backend_linux.cc",
              "native/src/linux/cpu.cc",
              "native/src/linux/cpu_parse.cc",
              "native/src/linux/disks.cc",
              "native/src/linux/disks_parse.cc",
              "native/src/linux/drm_fdinfo_parse.cc",
              "native/src/linux/fans.cc",
              "native/src/linux/fs.cc",
              "native/src/linux/gpu.cc",
              "native/src/linux/gpu_clients.cc",
              "native/src/linux/host.cc",
              "native/src/linux/host_parse.cc",
              "native/src/linux/hwmon.cc",
              "native/src/linux/in_root.cc",
              "native/src/linux/memory.cc",
              "native/src/linux/memory_parse.cc",
              "native/src/linux/network.cc",
              "native/src/linux/network_parse.cc",
              "native/src/linux/nvml.cc",
              "native/src/linux/nvml_clients.cc",
              "native/src/linux/power.cc",
              "native/src/linux/processes.cc",
              "native/src/linux/processes_parse.cc",
              "native/src/linux/rails.cc",
              "native/src/linux/text.cc",
              "native/src/linux/thermal.cc"
            ],
            "libraries": ["-ldl"]
          }
        ],
        [
          "OS=='mac'",
          {
            "sources": [
              "native/src/darwin/backend_darwin.cc",
              "native/src/darwin/block_storage.cc",
              "native/src/darwin/cf.cc",
              "native/src/darwin/cpu.cc",
              "native/src/darwin/extras.cc",
              "native/src/darwin/gpu.cc",
              "native/src/darwin/host.cc",
              "native/src/darwin/ioreport.cc",
              "native/src/darwin/memory.cc",
              "native/src/darwin/mounts.cc",
              "native/src/darwin/network.cc",
              "native/src/darwin/pmgr.cc",
              "native/src/darwin/power.cc",
              "native/src/darwin/processes.cc",
              "native/src/darwin/smc.cc",
              "native/src/darwin/smc_dump.cc",
              "native/src/darwin/sysctl.cc",
              "native/src/darwin/to_js_darwin.cc",
              "native/src/darwin/wifi.cc"
            ],
            "defines": ["DARWINMETRICS_HAVE_IOKIT=1"],
            "xcode_settings": {
              "GCC_ENABLE_CPP_EXCEPTIONS": "YES",
              "CLANG_CXX_LANGUAGE_STANDARD": "c++17",
              "GCC_SYMBOLS_PRIVATE_EXTERN": "YES",
              "MACOSX_DEPLOYMENT_TARGET": "12.0",
              "OTHER_CPLUSPLUSFLAGS": ["-Wall", "-Wextra"]
            },
            "link_settings": {
              "libraries": ["-framework IOKit", "-framework CoreFoundation"]
            }
          }
        ]
      ]
    }
  ]
}
