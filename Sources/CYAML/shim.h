#ifndef PLANC_YAML_SHIM_H
#define PLANC_YAML_SHIM_H
#include <yaml.h>
#endif
