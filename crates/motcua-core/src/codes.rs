//! The coded values of a dossier record: channel, status, online-service level, rating.
//!
//! Each type parses from the national portal's codes with [`TryFrom<&str>`] and reports a
//! [`CodeError`] that names the accepted values.

use std::fmt;

use serde::{Deserialize, Serialize};

/// An unknown or malformed code in one of the coded columns.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CodeError {
    /// `KenhThucHien` is not 1 (in person), 2 (online) or 3 (postal).
    #[error("unknown channel '{0}'")]
    Channel(String),
    /// `TrangThaiHoSo` is not 1..10.
    #[error("unknown status '{0}' (expected a code from 1 to 10)")]
    Status(String),
    /// `MucDo` is not 1..4, `mot_phan` or `toan_trinh`.
    #[error("unknown online-service level '{0}' (expected 1, 2, 3, 4, mot_phan or toan_trinh)")]
    Level(String),
    /// `DanhGia` is not 1, 2 or 3.
    #[error("unknown rating '{0}' (expected 1 dissatisfied, 2 satisfied, 3 very satisfied)")]
    Rating(String),
}

/// How a dossier reached the center (`KenhThucHien`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// `1`: at the desk (trực tiếp).
    InPerson = 1,
    /// `2`: online (trực tuyến).
    Online = 2,
    /// `3`: public postal service (bưu chính công ích).
    Postal = 3,
}

impl Channel {
    /// The portal's code.
    #[must_use]
    pub const fn code(self) -> u8 {
        self as u8
    }

    /// Vietnamese label.
    #[must_use]
    pub const fn label_vi(self) -> &'static str {
        match self {
            Self::InPerson => "Trực tiếp",
            Self::Online => "Trực tuyến",
            Self::Postal => "Bưu chính công ích",
        }
    }
}

impl TryFrom<&str> for Channel {
    type Error = CodeError;
    fn try_from(s: &str) -> Result<Self, CodeError> {
        match digit(s) {
            Some(b'1') => Ok(Self::InPerson),
            Some(b'2') => Ok(Self::Online),
            Some(b'3') => Ok(Self::Postal),
            _ => Err(CodeError::Channel(s.trim().to_owned())),
        }
    }
}

/// Which group of section 3 of the contract a status belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StatusGroup {
    /// Statuses 1 and 3: not a received dossier, left out of every count.
    NotReceived,
    /// Statuses 2, 4, 5, 6: being processed.
    Open,
    /// Statuses 7 and 8: withdrawn or stopped.
    ClosedWithoutResult,
    /// Statuses 9 and 10: processed.
    Resolved,
}

/// `TrangThaiHoSo`, the national portal's status code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// 1 Mới đăng ký: submitted online, not yet accepted.
    Submitted = 1,
    /// 2 Được tiếp nhận.
    Accepted = 2,
    /// 3 Không được tiếp nhận: refused at the desk.
    Refused = 3,
    /// 4 Đang xử lý.
    Processing = 4,
    /// 5 Yêu cầu bổ sung giấy tờ.
    AwaitingSupplement = 5,
    /// 6 Yêu cầu thực hiện nghĩa vụ tài chính.
    AwaitingPayment = 6,
    /// 7 Công dân yêu cầu rút hồ sơ.
    Withdrawn = 7,
    /// 8 Dừng xử lý.
    Stopped = 8,
    /// 9 Đã xử lý xong.
    Processed = 9,
    /// 10 Đã trả kết quả.
    Returned = 10,
}

impl Status {
    /// All ten statuses in code order.
    pub const ALL: [Self; 10] = [
        Self::Submitted,
        Self::Accepted,
        Self::Refused,
        Self::Processing,
        Self::AwaitingSupplement,
        Self::AwaitingPayment,
        Self::Withdrawn,
        Self::Stopped,
        Self::Processed,
        Self::Returned,
    ];

    /// The portal's code, 1..=10.
    #[must_use]
    pub const fn code(self) -> u8 {
        self as u8
    }

    /// The group this status belongs to.
    #[must_use]
    pub const fn group(self) -> StatusGroup {
        match self {
            Self::Submitted | Self::Refused => StatusGroup::NotReceived,
            Self::Accepted
            | Self::Processing
            | Self::AwaitingSupplement
            | Self::AwaitingPayment => StatusGroup::Open,
            Self::Withdrawn | Self::Stopped => StatusGroup::ClosedWithoutResult,
            Self::Processed | Self::Returned => StatusGroup::Resolved,
        }
    }

    /// Whether the status closes the dossier (7..=10), so that it needs a closing time.
    #[must_use]
    pub const fn is_closed(self) -> bool {
        matches!(
            self.group(),
            StatusGroup::ClosedWithoutResult | StatusGroup::Resolved
        )
    }

    /// Vietnamese name, as on the portal.
    #[must_use]
    pub const fn label_vi(self) -> &'static str {
        match self {
            Self::Submitted => "Mới đăng ký",
            Self::Accepted => "Được tiếp nhận",
            Self::Refused => "Không được tiếp nhận",
            Self::Processing => "Đang xử lý",
            Self::AwaitingSupplement => "Yêu cầu bổ sung giấy tờ",
            Self::AwaitingPayment => "Yêu cầu thực hiện nghĩa vụ tài chính",
            Self::Withdrawn => "Công dân yêu cầu rút hồ sơ",
            Self::Stopped => "Dừng xử lý",
            Self::Processed => "Đã xử lý xong",
            Self::Returned => "Đã trả kết quả",
        }
    }
}

impl TryFrom<&str> for Status {
    type Error = CodeError;
    fn try_from(s: &str) -> Result<Self, CodeError> {
        let t = s.trim();
        let n = match t.as_bytes() {
            [d @ b'1'..=b'9'] => Some(d - b'0'),
            [b'1', b'0'] => Some(10),
            _ => None,
        };
        n.and_then(|n| Self::try_from(n).ok())
            .ok_or_else(|| CodeError::Status(t.to_owned()))
    }
}

impl TryFrom<u8> for Status {
    type Error = CodeError;
    fn try_from(n: u8) -> Result<Self, CodeError> {
        match n {
            1..=10 => Ok(Self::ALL[usize::from(n - 1)]),
            _ => Err(CodeError::Status(n.to_string())),
        }
    }
}

/// The online-service level of a procedure (`MucDo`).
///
/// Before Decree 42/2022 levels 1–4; since then "một phần" (≈ 3) and "toàn trình" (≈ 4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OnlineLevel {
    /// Level 1 or 2: information only, not online.
    NotOnline = 2,
    /// Level 3, "một phần": partly online.
    Partial = 3,
    /// Level 4, "toàn trình": fully online.
    Full = 4,
}

impl OnlineLevel {
    /// Whether the level counts as level 3/4 for the online rate.
    #[must_use]
    pub const fn is_level34(self) -> bool {
        matches!(self, Self::Partial | Self::Full)
    }
}

impl TryFrom<&str> for OnlineLevel {
    type Error = CodeError;
    fn try_from(s: &str) -> Result<Self, CodeError> {
        match digit(s) {
            Some(b'1' | b'2') => Ok(Self::NotOnline),
            Some(b'3') => Ok(Self::Partial),
            Some(b'4') => Ok(Self::Full),
            _ => match s.trim() {
                "mot_phan" => Ok(Self::Partial),
                "toan_trinh" => Ok(Self::Full),
                other => Err(CodeError::Level(other.to_owned())),
            },
        }
    }
}

/// A satisfaction rating (`DanhGia`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    /// `1` không hài lòng.
    Dissatisfied = 1,
    /// `2` hài lòng.
    Satisfied = 2,
    /// `3` rất hài lòng.
    VerySatisfied = 3,
}

impl TryFrom<&str> for Rating {
    type Error = CodeError;
    fn try_from(s: &str) -> Result<Self, CodeError> {
        match digit(s) {
            Some(b'1') => Ok(Self::Dissatisfied),
            Some(b'2') => Ok(Self::Satisfied),
            Some(b'3') => Ok(Self::VerySatisfied),
            _ => Err(CodeError::Rating(s.trim().to_owned())),
        }
    }
}

/// The one ASCII digit of a code, ignoring surrounding white space (the fast path of
/// every code column).
fn digit(s: &str) -> Option<u8> {
    match s.as_bytes() {
        [d] => Some(*d),
        _ => match s.trim().as_bytes() {
            [d] => Some(*d),
            _ => None,
        },
    }
}

impl fmt::Display for Channel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.code())
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_round_trip_and_group() {
        for s in Status::ALL {
            assert_eq!(Status::try_from(s.code().to_string().as_str()), Ok(s));
        }
        assert_eq!(Status::Submitted.group(), StatusGroup::NotReceived);
        assert_eq!(Status::Refused.group(), StatusGroup::NotReceived);
        assert_eq!(Status::AwaitingPayment.group(), StatusGroup::Open);
        assert_eq!(Status::Stopped.group(), StatusGroup::ClosedWithoutResult);
        assert_eq!(Status::Returned.group(), StatusGroup::Resolved);
        assert!(Status::try_from("0").is_err());
        assert!(Status::try_from("11").is_err());
        assert!(Status::try_from("x").is_err());
    }

    #[test]
    fn levels_accept_words() {
        assert_eq!(OnlineLevel::try_from("mot_phan"), Ok(OnlineLevel::Partial));
        assert_eq!(OnlineLevel::try_from("toan_trinh"), Ok(OnlineLevel::Full));
        assert_eq!(OnlineLevel::try_from("1"), Ok(OnlineLevel::NotOnline));
        assert!(OnlineLevel::try_from("5").is_err());
        assert!(!OnlineLevel::NotOnline.is_level34());
    }

    #[test]
    fn channel_and_rating_codes() {
        assert_eq!(Channel::try_from("3"), Ok(Channel::Postal));
        assert_eq!(
            Channel::try_from("5").unwrap_err().to_string(),
            "unknown channel '5'"
        );
        assert_eq!(Rating::try_from("3"), Ok(Rating::VerySatisfied));
        assert!(Rating::try_from("4").is_err());
    }
}
