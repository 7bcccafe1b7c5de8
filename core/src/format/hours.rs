//! The hours section: each service's opening hours and time zone, and the
//! rules of every time zone the index uses, so that "open now" needs no
//! time zone database at search time.
//!
//! Section layout:
//!
//! ```text
//! u32 zones, then per zone:
//!     u16 name length, name (UTF-8), i32 offset before the first transition (s),
//!     u32 transitions, then per transition: i64 instant (s since epoch), i32 offset (s)
//! u64 services, then (services + 1) × u32: where each service's hours start in the blob
//! blob, per service (empty when its hours are unknown):
//!     u16 zone (0xFFFF: none), u16 weekly, u16 monthly, u16 exceptions,
//!     weekly × (u8 weekday, u16 opens, u16 closes),
//!     monthly × (i8 week, u8 weekday, u16 opens, u16 closes),
//!     exceptions × (i32 from day, i32 until day, u16 count, count × weekly)
//! ```
//!
//! Zone rules are read at open (a few kilobytes per zone); a service's
//! hours are read when a search asks for them.

use tantivy::directory::OwnedBytes;

use crate::error::{Error, Result};
use crate::format::{read_u32, Reader, Section};
use crate::hours::ZoneRules;
use crate::model::{HoursException, MonthlyInterval, OpenInterval, Service};

const NO_ZONE: u16 = u16::MAX;

/// Writes the hours section. `zones` are the rules of the zones services
/// name; a service whose zone is not among them has no zone.
pub(crate) fn write(services: &[Service], zones: &[ZoneRules]) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(&(zones.len() as u32).to_le_bytes());
    for zone in zones {
        out.extend_from_slice(&(zone.name.len() as u16).to_le_bytes());
        out.extend_from_slice(zone.name.as_bytes());
        out.extend_from_slice(&zone.initial.to_le_bytes());
        out.extend_from_slice(&(zone.transitions.len() as u32).to_le_bytes());
        for &(at, offset) in &zone.transitions {
            out.extend_from_slice(&at.to_le_bytes());
            out.extend_from_slice(&offset.to_le_bytes());
        }
    }
    let mut blob = Vec::new();
    let mut starts = Vec::with_capacity(services.len() + 1);
    for service in services {
        starts.push(blob.len() as u32);
        let known = !(service.hours.is_empty()
            && service.monthly_hours.is_empty()
            && service.hours_exceptions.is_empty());
        if !known {
            continue;
        }
        let zone = service
            .time_zone
            .as_deref()
            .and_then(|name| zones.iter().position(|z| z.name == name))
            .map_or(NO_ZONE, |at| at as u16);
        let capped = |n: usize| n.min(u16::MAX as usize);
        let weekly = &service.hours[..capped(service.hours.len())];
        let monthly = &service.monthly_hours[..capped(service.monthly_hours.len())];
        let exceptions = &service.hours_exceptions[..capped(service.hours_exceptions.len())];
        for n in [
            zone,
            weekly.len() as u16,
            monthly.len() as u16,
            exceptions.len() as u16,
        ] {
            blob.extend_from_slice(&n.to_le_bytes());
        }
        for interval in weekly {
            write_interval(&mut blob, interval);
        }
        for interval in monthly {
            blob.push(interval.week as u8);
            blob.push(interval.weekday);
            blob.extend_from_slice(&interval.opens.to_le_bytes());
            blob.extend_from_slice(&interval.closes.to_le_bytes());
        }
        for exception in exceptions {
            let day = |d: i64| d.clamp(i32::MIN.into(), i32::MAX.into()) as i32;
            blob.extend_from_slice(&day(exception.from).to_le_bytes());
            blob.extend_from_slice(&day(exception.until).to_le_bytes());
            let hours = &exception.hours[..capped(exception.hours.len())];
            blob.extend_from_slice(&(hours.len() as u16).to_le_bytes());
            for interval in hours {
                write_interval(&mut blob, interval);
            }
        }
    }
    starts.push(blob.len() as u32);
    out.extend_from_slice(&(services.len() as u64).to_le_bytes());
    for start in starts {
        out.extend_from_slice(&start.to_le_bytes());
    }
    out.extend_from_slice(&blob);
    out
}

fn write_interval(out: &mut Vec<u8>, interval: &OpenInterval) {
    out.push(interval.weekday);
    out.extend_from_slice(&interval.opens.to_le_bytes());
    out.extend_from_slice(&interval.closes.to_le_bytes());
}

/// The hours section, opened: zone rules decoded, services' hours in place.
pub(crate) struct HoursSection {
    zones: Vec<ZoneRules>,
    starts: OwnedBytes,
    blob: OwnedBytes,
}

/// One service's hours, decoded.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct ServiceHours {
    /// The zone, as a position in the section's zone table.
    pub(crate) zone: Option<usize>,
    pub(crate) weekly: Vec<OpenInterval>,
    pub(crate) monthly: Vec<MonthlyInterval>,
    pub(crate) exceptions: Vec<HoursException>,
}

impl ServiceHours {
    /// The hours as a [`Week`](crate::hours::Week) to ask.
    pub(crate) fn week(&self) -> crate::hours::Week<'_> {
        crate::hours::Week {
            weekly: &self.weekly,
            monthly: &self.monthly,
            exceptions: &self.exceptions,
        }
    }
}

impl HoursSection {
    pub(crate) fn open(section: &OwnedBytes, services: usize) -> Result<HoursSection> {
        let data = section.as_slice();
        let mut reader = Reader::new(Section::Hours, data);
        let zone_count = reader.u32()? as usize;
        let mut zones = Vec::new();
        for _ in 0..zone_count {
            let len = u16::from_le_bytes(reader.take(2)?.try_into().expect("2 bytes")) as usize;
            let name = std::str::from_utf8(reader.take(len)?)
                .map_err(|_| Error::corrupt("section hours: a zone name is not UTF-8"))?
                .to_owned();
            let initial = i32::from_le_bytes(reader.take(4)?.try_into().expect("4 bytes"));
            let count = reader.u32()? as usize;
            let bytes = reader.take(count.checked_mul(12).ok_or_else(too_many)?)?;
            let transitions = bytes
                .chunks_exact(12)
                .map(|t| {
                    (
                        i64::from_le_bytes(t[..8].try_into().expect("8 bytes")),
                        i32::from_le_bytes(t[8..].try_into().expect("4 bytes")),
                    )
                })
                .collect();
            zones.push(ZoneRules {
                name,
                initial,
                transitions,
            });
        }
        let count = reader.u64()? as usize;
        if count != services {
            return Err(Error::corrupt(format!(
                "section hours: {count} services do not fit {services}"
            )));
        }
        let at = reader.position();
        let starts_len = (count + 1) * 4;
        let starts = reader.take(starts_len)?;
        let blob_len = read_u32(starts, count * 4) as usize;
        let blob_at = reader.position();
        reader.take(blob_len)?;
        Ok(HoursSection {
            zones,
            starts: section.slice(at..at + starts_len),
            blob: section.slice(blob_at..blob_at + blob_len),
        })
    }

    /// The rules of the zone at `zone` in the table.
    pub(crate) fn zone(&self, zone: usize) -> &ZoneRules {
        &self.zones[zone]
    }

    /// How many zones the table holds.
    pub(crate) fn zone_count(&self) -> usize {
        self.zones.len()
    }

    /// The zone of `service`, without decoding its hours: `None` when its
    /// hours are unknown or have no zone.
    pub(crate) fn zone_of(&self, service: u32) -> Result<Option<usize>> {
        let bytes = self.bytes(service)?;
        if bytes.len() < 2 {
            return Ok(None);
        }
        let zone = u16::from_le_bytes([bytes[0], bytes[1]]);
        Ok((zone != NO_ZONE && (zone as usize) < self.zones.len()).then_some(zone as usize))
    }

    fn bytes(&self, service: u32) -> Result<&[u8]> {
        let starts = self.starts.as_slice();
        let at = service as usize * 4;
        if at + 8 > starts.len() {
            return Err(Error::corrupt(format!(
                "section hours: no hours for service {service}"
            )));
        }
        let (start, end) = (
            read_u32(starts, at) as usize,
            read_u32(starts, at + 4) as usize,
        );
        self.blob.as_slice().get(start..end).ok_or_else(|| {
            Error::corrupt(format!(
                "section hours: the hours of service {service} lie outside the section"
            ))
        })
    }

    /// The hours of `service` (empty when unknown).
    ///
    /// # Errors
    /// [`ErrorKind::CorruptIndex`](crate::ErrorKind::CorruptIndex) when its bytes do not decode.
    pub(crate) fn get(&self, service: u32) -> Result<ServiceHours> {
        let bytes = self.bytes(service)?;
        if bytes.is_empty() {
            return Ok(ServiceHours::default());
        }
        let corrupt = || {
            Error::corrupt(format!(
                "section hours: the hours of service {service} are corrupt"
            ))
        };
        let mut reader = Reader::new(Section::Hours, bytes);
        let u16_of = |reader: &mut Reader| -> Result<u16> {
            Ok(u16::from_le_bytes(
                reader.take(2)?.try_into().expect("2 bytes"),
            ))
        };
        let zone = u16_of(&mut reader)?;
        let weekly_count = u16_of(&mut reader)?;
        let monthly_count = u16_of(&mut reader)?;
        let exception_count = u16_of(&mut reader)?;
        let interval = |reader: &mut Reader| -> Result<OpenInterval> {
            let b = reader.take(5)?;
            let interval = OpenInterval {
                weekday: b[0],
                opens: u16::from_le_bytes([b[1], b[2]]),
                closes: u16::from_le_bytes([b[3], b[4]]),
            };
            Ok(interval)
        };
        let weekly = (0..weekly_count)
            .map(|_| interval(&mut reader))
            .collect::<Result<Vec<_>>>()?;
        let monthly = (0..monthly_count)
            .map(|_| {
                let b = reader.take(6)?;
                Ok(MonthlyInterval {
                    week: b[0] as i8,
                    weekday: b[1],
                    opens: u16::from_le_bytes([b[2], b[3]]),
                    closes: u16::from_le_bytes([b[4], b[5]]),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let mut exceptions = Vec::with_capacity(exception_count as usize);
        for _ in 0..exception_count {
            let b = reader.take(8)?;
            let from = i32::from_le_bytes(b[..4].try_into().expect("4 bytes"));
            let until = i32::from_le_bytes(b[4..].try_into().expect("4 bytes"));
            let count = u16_of(&mut reader)?;
            let hours = (0..count)
                .map(|_| interval(&mut reader))
                .collect::<Result<Vec<_>>>()?;
            exceptions.push(HoursException {
                from: from.into(),
                until: until.into(),
                hours,
            });
        }
        if reader.position() != bytes.len()
            || weekly.iter().any(|h| h.weekday > 6)
            || monthly.iter().any(|h| h.weekday > 6)
        {
            return Err(corrupt());
        }
        Ok(ServiceHours {
            zone: (zone != NO_ZONE && (zone as usize) < self.zones.len()).then_some(zone as usize),
            weekly,
            monthly,
            exceptions,
        })
    }
}

fn too_many() -> Error {
    Error::corrupt("section hours: too many transitions")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_round_trip() {
        let zones = vec![ZoneRules {
            name: "America/Winnipeg".into(),
            initial: -21600,
            transitions: vec![(1_772_956_800, -18000), (1_793_516_400, -21600)],
        }];
        let services = vec![
            Service {
                id: "a".into(),
                time_zone: Some("America/Winnipeg".into()),
                hours: vec![OpenInterval {
                    weekday: 5,
                    opens: 1320,
                    closes: 1440,
                }],
                monthly_hours: vec![MonthlyInterval {
                    week: -1,
                    weekday: 4,
                    opens: 600,
                    closes: 720,
                }],
                hours_exceptions: vec![HoursException {
                    from: 20_000,
                    until: 20_001,
                    hours: Vec::new(),
                }],
                ..Default::default()
            },
            Service {
                id: "b".into(),
                ..Default::default()
            },
        ];
        let bytes = write(&services, &zones);
        let section = HoursSection::open(&OwnedBytes::new(bytes.clone()), 2).unwrap();
        let a = section.get(0).unwrap();
        assert_eq!(a.zone, Some(0));
        assert_eq!(a.weekly, services[0].hours);
        assert_eq!(a.monthly, services[0].monthly_hours);
        assert_eq!(a.exceptions, services[0].hours_exceptions);
        assert_eq!(section.zone(0), &zones[0]);
        assert_eq!(section.get(1).unwrap(), ServiceHours::default());
        assert!(HoursSection::open(&OwnedBytes::new(bytes.clone()), 3).is_err());
        for len in 0..bytes.len() {
            let opened = HoursSection::open(&OwnedBytes::new(bytes[..len].to_vec()), 2);
            if let Ok(section) = opened {
                let _ = section.get(0);
                let _ = section.get(1);
            }
        }
    }
}
